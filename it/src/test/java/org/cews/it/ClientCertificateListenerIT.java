package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The second HTTPS listener asks for a client certificate in the TLS handshake and accepts only
 * certificates from the CAs in its trust store (configure-tls.cli).
 */
class ClientCertificateListenerIT {

    private static final String PAGE = "/ADPolicyProvider_CEP_Certificate/service.svc/CEP";

    private static HttpResponse<String> get(KeyManager[] clientKeys) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestServer.tls(clientKeys))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return client.send(
                HttpRequest.newBuilder(TestServer.clientCertificateHttps(PAGE))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void handshakeWithoutCertificateIsRefused() {
        assertThrows(IOException.class, () -> get(null));
    }

    @Test
    void certificateFromAnUntrustedCaIsRefused() throws Exception {
        KeyPair rogueCa = rsa();
        KeyPair user = rsa();
        X509Certificate rogueCert =
                issue(new X500Name("CN=rogue CA"), rogueCa.getPrivate(), "CN=rogue CA", rogueCa, true);
        X509Certificate cert = issue(new X500Name("CN=rogue CA"), rogueCa.getPrivate(), "CN=alice", user, false);
        assertThrows(IOException.class, () -> get(keys(user.getPrivate(), cert, rogueCert)));
    }

    @Test
    void certificateFromTheTrustedCaCompletesTheHandshake() throws Exception {
        String password = TestServer.provisionedProperties().getProperty("cews.tls.password");
        KeyStore caStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestServer.tlsDir().resolve("ca.p12"))) {
            caStore.load(in, password.toCharArray());
        }
        PrivateKey caKey = (PrivateKey) caStore.getKey("ca", password.toCharArray());
        X509Certificate caCert = (X509Certificate) caStore.getCertificate("ca");
        KeyPair user = rsa();
        X509Certificate cert = issue(
                X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                caKey,
                "CN=alice,O=cews",
                user,
                false);

        HttpResponse<String> response = get(keys(user.getPrivate(), cert, caCert));

        assertEquals(200, response.statusCode(), response.body());
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate issue(
            X500Name issuer, PrivateKey issuerKey, String subject, KeyPair subjectKeys, boolean ca)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject),
                subjectKeys.getPublic());
        if (!ca) {
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        } else {
            builder.addExtension(
                    Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(true));
        }
        String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }

    private static KeyManager[] keys(PrivateKey key, X509Certificate... chain)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, "x".toCharArray(), chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "x".toCharArray());
        return kmf.getKeyManagers();
    }
}
