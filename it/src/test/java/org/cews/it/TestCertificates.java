package org.cews.it;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Client certificates for the tests: issued by the development TLS CA that provisioning made
 * (bin/gen-tls.sh; the server trusts it for client authentication) or by a CA of the test's own,
 * with the names AD maps certificates by: the SID extension (1.3.6.1.4.1.311.25.2, an otherName
 * 1.3.6.1.4.1.311.25.2.1 holding the SID string), a UPN SAN (otherName 1.3.6.1.4.1.311.20.2.3) and
 * a DNS SAN.
 */
public final class TestCertificates {

    static final String SID_EXTENSION = "1.3.6.1.4.1.311.25.2";
    static final String SID_OTHER_NAME = "1.3.6.1.4.1.311.25.2.1";
    static final String UPN_OTHER_NAME = "1.3.6.1.4.1.311.20.2.3";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** An issuer: its key and certificate. */
    public record Issuer(PrivateKey key, X509Certificate certificate) {}

    /** What goes into one client certificate. */
    public record Spec(String subject, String sid, String upn, String dns, Instant notBefore, Instant notAfter) {
        public static Spec subject(String subject) {
            Instant now = Instant.now();
            return new Spec(subject, null, null, null, now.minusSeconds(300), now.plus(Duration.ofDays(1)));
        }

        public Spec sid(String value) {
            return new Spec(subject, value, upn, dns, notBefore, notAfter);
        }

        public Spec upn(String value) {
            return new Spec(subject, sid, value, dns, notBefore, notAfter);
        }

        public Spec dns(String value) {
            return new Spec(subject, sid, upn, value, notBefore, notAfter);
        }

        Spec validity(Instant from, Instant to) {
            return new Spec(subject, sid, upn, dns, from, to);
        }
    }

    private TestCertificates() {}

    /** The development TLS CA of the server under test. */
    static Issuer developmentCa() throws IOException, GeneralSecurityException {
        String password = TestServer.provisionedProperties().getProperty("cews.tls.password");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestServer.tlsDir().resolve("ca.p12"))) {
            store.load(in, password.toCharArray());
        }
        return new Issuer(
                (PrivateKey) store.getKey("ca", password.toCharArray()), (X509Certificate) store.getCertificate("ca"));
    }

    /** Key managers with a certificate for {@code spec} from the development TLS CA. */
    public static KeyManager[] fromDevelopmentCa(Spec spec) throws Exception {
        return client(developmentCa(), spec);
    }

    /** A self-signed CA the server does not trust. */
    static Issuer rogueCa(String name) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = rsa();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(name),
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minusSeconds(300)),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(name),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new Issuer(keys.getPrivate(), cert);
    }

    /** Key managers presenting a new key and a certificate for {@code spec} issued by {@code issuer}. */
    static KeyManager[] client(Issuer issuer, Spec spec) throws Exception {
        Issued issued = issue(issuer, spec);
        return keyManagers(issued.key(), issued.certificate(), issuer.certificate());
    }

    /** A certificate and its key. */
    record Issued(PrivateKey key, X509Certificate certificate) {}

    /** A new key and a certificate for {@code spec} (client authentication) issued by {@code issuer}. */
    static Issued issue(Issuer issuer, Spec spec) throws Exception {
        KeyPair keys = rsa();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(
                        issuer.certificate().getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(spec.notBefore()),
                Date.from(spec.notAfter()),
                new X500Name(spec.subject()),
                keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        List<GeneralName> names = new ArrayList<>();
        if (spec.upn() != null) {
            names.add(otherName(UPN_OTHER_NAME, spec.upn()));
        }
        if (spec.dns() != null) {
            names.add(new GeneralName(GeneralName.dNSName, spec.dns()));
        }
        if (!names.isEmpty()) {
            builder.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        }
        if (spec.sid() != null) {
            // [MS-WCCE] 2.2.2.7.7.4 szOID_NTDS_CA_SECURITY_EXT: a sequence of one otherName
            // (1.3.6.1.4.1.311.25.2.1) whose value is the SID string as an OCTET STRING.
            ASN1EncodableVector inner = new ASN1EncodableVector();
            inner.add(new ASN1ObjectIdentifier(SID_OTHER_NAME));
            inner.add(new DERTaggedObject(
                    true, 0, new DEROctetString(spec.sid().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
            builder.addExtension(
                    new ASN1ObjectIdentifier(SID_EXTENSION),
                    false,
                    new DERSequence(new DERTaggedObject(false, 0, new DERSequence(inner))));
        }
        String algorithm = issuer.key().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuer.key())));
        return new Issued(keys.getPrivate(), cert);
    }

    /** Key managers presenting {@code key} with {@code chain} (the client's certificate first). */
    static KeyManager[] keyManagers(PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, "x".toCharArray(), chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "x".toCharArray());
        return kmf.getKeyManagers();
    }

    /**
     * The tier's lab CA as an issuer, from its state directory ({@code ca/ca/ca.p12}): for
     * certificates the lab CA could have issued but did not (an expired one), which the CES must
     * refuse although their signature is the CA's.
     */
    static Issuer labCa() throws IOException, GeneralSecurityException {
        Path dir = Path.of(System.getProperty("cews.lab.dir"), "ca", "ca");
        char[] password =
                Files.readString(dir.resolve("ca.p12.password")).strip().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("ca.p12"))) {
            store.load(in, password);
        }
        return new Issuer((PrivateKey) store.getKey("ca", password), (X509Certificate) store.getCertificate("ca"));
    }

    /**
     * The client certificate of {@code keys}, presented whatever CAs the server names (as curl,
     * openssl and Python's ssl do; the JDK's own key managers would send none the server does not
     * name).
     */
    static KeyManager[] alwaysPresent(KeyManager[] keys) {
        X509ExtendedKeyManager inner = (X509ExtendedKeyManager) keys[0];
        return new KeyManager[] {
            new ClientKeyManager() {
                @Override
                public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                    return "client";
                }

                @Override
                public X509Certificate[] getCertificateChain(String alias) {
                    return inner.getCertificateChain(alias);
                }

                @Override
                public PrivateKey getPrivateKey(String alias) {
                    return inner.getPrivateKey(alias);
                }
            }
        };
    }

    /** A client-side key manager: the engine's choice is the socket's, no server keys. */
    abstract static class ClientKeyManager extends X509ExtendedKeyManager {
        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return chooseClientAlias(keyType, issuers, null);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    private static GeneralName otherName(String oid, String utf8) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1ObjectIdentifier(oid));
        v.add(new DERTaggedObject(true, 0, new DERUTF8String(utf8)));
        return new GeneralName(GeneralName.otherName, new DERSequence(v));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
