package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.wcce.client.EnrollmentAgent;
import org.cews.wcce.cmc.OnBehalfOfSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CA connector deployed in WildFly (cews.ear's resource adapter) gets certificates from the
 * lab's AD CS emulator over MS-ICPR at packet privacy, called the way the CES will call it (the
 * test-only it/probe WAR borrows a connection from the pool): with NTLM and with Kerberos as the
 * connector's account svc-ces, a pend-all template approved by the officer and then retrieved
 * by request id, and an unpublished template refused with AD CS's HRESULT. In enrollment-agent
 * mode (docs/ARCHITECTURE.md §4.2b) the connector, still authenticated as svc-ces, signs alice's request
 * with the Enrollment Agent certificate the lab enrolled for svc-ces, and the CA issues alice's
 * certificate; without the agent's signature, or with a broken one, the CA refuses.
 */
class LabEnrollmentIT {

    private static HttpClient client;
    private static Properties lab;

    @BeforeAll
    static void setUp() throws IOException, GeneralSecurityException {
        client = HttpClient.newBuilder().sslContext(TestServer.tls(null)).build();
        lab = labStatus();
    }

    /** What the tier's lab says about itself: its CA name, the officer's URL, ... */
    static Properties labStatus() throws IOException {
        Properties status = new Properties();
        try (InputStream in =
                Files.newInputStream(Path.of(System.getProperty("cews.lab.dir"), "lab-status.properties"))) {
            status.load(in);
        }
        return status;
    }

    /** The lab's officer approves pending request {@code id}, with the officer token the lab wrote. */
    static void approve(int id) throws IOException, InterruptedException {
        Properties status = labStatus();
        String token = Files.readString(Path.of(status.getProperty("officer.tokenFile")))
                .strip();
        HttpResponse<String> approved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(status.getProperty("officer.url") + "requests/" + id + "/approve"))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, approved.statusCode(), approved.body());
    }

    /** A fresh RSA key's PKCS#10 request for {@code CN=cn}, DER. */
    static byte[] csr(String cn) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
                .getEncoded();
    }

    private static String[] submit(String template, String factory) throws Exception {
        return post("template=" + template + (factory == null ? "" : "&factory=" + factory), csr("ignored-by-the-ca"));
    }

    private static String[] post(String query, byte[] body) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(TestServer.https("/cews-probe/enroll?" + query))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().trim().split(" ", 4);
    }

    /** A request for alice that the connector signs as svc-ces's enrollment agent. */
    private static String[] onBehalfOfAlice(String factory) throws Exception {
        String query =
                "template=LabOnBehalfUser&onBehalfOf=LAB%5Calice" + (factory == null ? "" : "&factory=" + factory);
        return post(query, csr("ignored-by-the-ca"));
    }

    /** Alice's subject, built by the CA from her directory entry (not svc-ces's, not the request's). */
    private static void assertAlicesSubject(X509Certificate cert) {
        String subject = cert.getSubjectX500Principal().getName();
        assertTrue(subject.contains("CN=Alice Archer,CN=Users,DC=lab,DC=example"), subject);
        assertTrue(!subject.contains("svc-ces"), subject);
    }

    private static X509Certificate certificate(String base64) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static X509Certificate assertIssuedByTheLab(String[] answer) throws GeneralSecurityException {
        assertEquals("ISSUED", answer[0], String.join(" ", answer));
        X509Certificate cert = certificate(answer[2]);
        assertTrue(
                cert.getIssuerX500Principal().getName().contains("CN=" + lab.getProperty("ca.name")),
                cert.getIssuerX500Principal().getName());
        return cert;
    }

    /** User builds the subject from the directory (the caller, svc-ces), not from the request. */
    private static void assertSubjectFromTheDirectory(X509Certificate cert) {
        assertTrue(
                cert.getSubjectX500Principal().getName().contains("svc-ces"),
                cert.getSubjectX500Principal().getName());
    }

    @Test
    void issuedOverNtlm() throws Exception {
        assertSubjectFromTheDirectory(assertIssuedByTheLab(submit("User", null)));
    }

    @Test
    void issuedOverKerberos() throws Exception {
        assertSubjectFromTheDirectory(assertIssuedByTheLab(submit("User", "CaConnectionFactoryKerberos")));
    }

    @Test
    void pendAllApprovedByTheOfficerThenRetrieved() throws Exception {
        String[] pending = submit("LabPendAll", null);
        assertEquals("PENDING", pending[0], String.join(" ", pending));
        int id = Integer.parseInt(pending[1]);

        approve(id);

        HttpResponse<String> retrieved = client.send(
                HttpRequest.newBuilder(TestServer.https("/cews-probe/enroll?retrieve=" + id))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String[] answer = retrieved.body().trim().split(" ", 4);
        assertEquals(String.valueOf(id), answer[1], retrieved.body());
        assertIssuedByTheLab(answer);
    }

    @Test
    void unpublishedTemplateIsRefusedWithAdCsHresult() throws Exception {
        String[] denied = submit("LabRetired", null);
        assertEquals("DENIED", denied[0], String.join(" ", denied));
        assertEquals("0x80094800", denied[2], "CERTSRV_E_UNSUPPORTED_CERT_TYPE: " + String.join(" ", denied));
    }

    @Test
    void enrollmentAgentModeOverNtlmIssuesAlicesCertificate() throws Exception {
        assertAlicesSubject(assertIssuedByTheLab(onBehalfOfAlice(null)));
    }

    @Test
    void enrollmentAgentModeOverKerberosIssuesAlicesCertificate() throws Exception {
        assertAlicesSubject(assertIssuedByTheLab(onBehalfOfAlice("CaConnectionFactoryKerberos")));
    }

    @Test
    void withoutTheAgentSignatureTheTemplateIsSignaturePolicyRequired() throws Exception {
        String[] denied = submit("LabOnBehalfUser", null);
        assertEquals("DENIED", denied[0], String.join(" ", denied));
        assertEquals("0x80094809", denied[2], "CERTSRV_E_SIGNATURE_POLICY_REQUIRED: " + String.join(" ", denied));
    }

    @Test
    void aBrokenAgentSignatureIsBadSignature() throws Exception {
        // Signed with the lab's agent credential for svc-ces, then one bit of the agent's signature flipped.
        EnrollmentAgent agent = new EnrollmentAgent(
                Path.of(lab.getProperty("agent.keyStore")),
                lab.getProperty("agent.keyStorePassword").toCharArray(),
                lab.getProperty("agent.alias"),
                Clock.systemUTC());
        byte[] cmc = new OnBehalfOfSigner(agent.current()).sign(csr("ignored-by-the-ca"), "LAB\\alice");
        byte[] signature = null;
        for (SignerInformation s : new CMSSignedData(cmc).getSignerInfos().getSigners()) {
            if (s.getSID().getSerialNumber() != null) {
                signature = s.getSignature();
            }
        }
        int at = indexOf(cmc, signature);
        assertTrue(at > 0, "the agent's signature is in the request");
        cmc[at + signature.length / 2] ^= 0x01;
        String[] denied = post("template=LabOnBehalfUser&format=cmc", cmc);
        assertEquals("DENIED", denied[0], String.join(" ", denied));
        assertEquals("0x80090006", denied[2], "NTE_BAD_SIGNATURE: " + String.join(" ", denied));
    }

    private static int indexOf(byte[] in, byte[] part) {
        for (int i = 0; i + part.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
