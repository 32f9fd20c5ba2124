package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.api.RequestFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment-agent mode through the adapter: a request marked on behalf of someone reaches the CA
 * as the agent's CMC (the test CA's "certificate" is the request reversed, so what it got can be
 * read back); without a usable agent credential nothing is sent and the connection stays usable.
 */
class EnrollmentAgentModeTest {

    static final String PASSWORD = "Agent-P12-Pw";

    @TempDir
    Path dir;

    private TestCa ca;
    private CaManagedConnectionFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        ca = new TestCa();
        factory = new CaManagedConnectionFactory();
        factory.setCaName(TestCa.CA_NAME);
        factory.setCaHost("127.0.0.1");
        factory.setCaPort(ca.endpointMapperPort());
        factory.setUserName(TestCa.SERVICE.user());
        factory.setDomain(TestCa.SERVICE.domain());
        factory.setPassword("Svc-Ces-Pw-1");
        factory.setCaServicePrincipal("host/ca01.lab.example");
    }

    @AfterEach
    void tearDown() throws Exception {
        ca.close();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** A PKCS#12 with a self-issued Certificate Request Agent certificate valid from {@code from} to {@code to}. */
    Path agentKeyStore(Instant from, Instant to) throws Exception {
        KeyPair key = rsa();
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                new X500Name("CN=svc-ces"),
                                BigInteger.TEN,
                                Date.from(from),
                                Date.from(to),
                                new X500Name("CN=svc-ces"),
                                key.getPublic())
                        .addExtension(
                                Extension.extendedKeyUsage,
                                false,
                                new ExtendedKeyUsage(
                                        KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.1"))))
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("svc-ces", key.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert});
        Path file = dir.resolve("ces-agent.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    static EnrollmentRequest forAlice() throws Exception {
        KeyPair alice = rsa();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=alice"), alice.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(alice.getPrivate()))
                .getEncoded();
        return new EnrollmentRequest(RequestFormat.PKCS10, csr, Map.of("CertificateTemplate", "LabOnBehalfUser"), false)
                .onBehalfOf("LAB\\alice");
    }

    static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    /** A connection of a factory whose agent certificate is valid now. */
    private CaManagedConnection withValidAgent() throws Exception {
        Instant now = Instant.now();
        factory.setEnrollmentAgentKeyStore(agentKeyStore(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS))
                .toString());
        factory.setEnrollmentAgentKeyStorePassword(PASSWORD);
        return (CaManagedConnection) factory.createManagedConnection(null, null);
    }

    @Test
    void theCaGetsTheAgentsCmc() throws Exception {
        CaManagedConnection connection = withValidAgent();
        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        EnrollmentResult result = handle.submit(forAlice());
        assertTrue(result instanceof EnrollmentResult.Issued, result.toString());
        CMSSignedData sent = new CMSSignedData(reversed(((EnrollmentResult.Issued) result).certificate()));
        assertEquals("1.3.6.1.5.5.7.12.2", sent.getSignedContentTypeOID(), "id-cct-PKIData");
        assertEquals(2, sent.getSignerInfos().size());
        connection.destroy();
    }

    @Test
    void aForgedRequesterNameInTheCesAttributesIsRefusedAndNothingIsSent() throws Exception {
        CaManagedConnection connection = withValidAgent();
        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        EnrollmentRequest alice = forAlice();
        for (String name : List.of("requester-name", "Requester Name", "requester%2Dname", "REQUESTERNAME", "SAN")) {
            Map<String, String> attributes = new java.util.LinkedHashMap<>(alice.attributes());
            attributes.put(name, "LAB\\Administrator");
            EnrollmentRequest forged =
                    new EnrollmentRequest(alice.format(), alice.request(), attributes, false).onBehalfOf("LAB\\alice");
            CaException e = assertThrows(CaException.class, () -> handle.submit(forged), name);
            assertTrue(e.getMessage().contains("request attribute "), e.getMessage());
        }
        assertEquals(0, ca.calls(), "nothing reached the CA");
        assertTrue(connection.isUsable());
        connection.destroy();
    }

    @Test
    void withoutAnAgentCredentialNothingIsSent() throws Exception {
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        CaException e = assertThrows(CaException.class, () -> handle.submit(forAlice()));
        assertEquals(
                "a request on behalf of another account needs the enrollment agent's credential: configure"
                        + " EnrollmentAgentKeyStore and EnrollmentAgentKeyStorePassword (configure-connector.cli)",
                e.getMessage());
        assertTrue(connection.isUsable());
        EnrollmentResult first =
                handle.submit(new EnrollmentRequest(RequestFormat.PKCS10, new byte[] {1, 2, 3}, Map.of(), false));
        assertEquals(1, first.requestId(), "the refused request never reached the CA");
        connection.destroy();
    }

    @Test
    void anExpiredAgentCertificateIsNamed() throws Exception {
        Instant now = Instant.now();
        factory.setEnrollmentAgentKeyStore(agentKeyStore(now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS))
                .toString());
        factory.setEnrollmentAgentKeyStorePassword(PASSWORD);
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        CaException e = assertThrows(CaException.class, () -> handle.submit(forAlice()));
        assertTrue(e.getMessage().contains("is not valid now"), e.getMessage());
        assertTrue(connection.isUsable());
        connection.destroy();
    }
}
