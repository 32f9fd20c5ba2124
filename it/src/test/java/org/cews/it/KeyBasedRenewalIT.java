package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.cews.client.pki.CertificateRequests;
import org.cews.client.pki.Pem;
import org.cews.client.pki.TemplateExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key-based renewal through the deployed renewal-only CES ({@code KeyBasedRenewal_<CA>_CES_Certificate})
 * with the {@code enroll} client, as Microsoft's key-based renewal setup has it: the computer WEB01$
 * first enrolls for LabKeyBasedRenewal with its account over UsernamePassword (the template asks
 * for one registration authority signature: in enrollment-agent mode the CES's agent signature,
 * lab-enrollment-agent.ldif), then renews it with the certificate itself as the TLS client
 * certificate and nothing else, and keeps its subject (docs/WSTEP.md §6).
 *
 * <p>The forged variants are refused with AD CS's HRESULT before anything reaches the CA (the lab
 * CA's count of submissions does not move): a renewal signed with another key than the certificate
 * it names, a renewal of another certificate than the TLS one, a template that does not allow
 * key-based renewal, an expired certificate, a certificate of a foreign CA (in the TLS handshake
 * or in the renewal), and a new request on the renewal-only endpoint.
 */
class KeyBasedRenewalIT {

    static final String CEP_PASSWORD = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";
    static final String CEP_KBR = "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP";
    static final String SUBJECT = "CN=web01.lab.example";
    static final String SID_EXTENSION = "1.3.6.1.4.1.311.25.2";

    static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String WSTEP = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment";

    /** HRESULTs as the fault's signed ErrorCode. */
    static final int NTE_BAD_SIGNATURE = 0x80090006;

    static final int E_ACCESSDENIED = 0x80070005;
    static final int CERTSRV_E_TEMPLATE_DENIED = 0x80094012;
    static final int CERT_E_EXPIRED = 0x800B0101;
    static final int CERT_E_UNTRUSTEDROOT = 0x800B0109;
    static final int CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE = 0x8009400E;

    @TempDir
    static Path dir;

    static String ca;
    static Path web01;
    static X509Certificate web01Cert;
    static PrivateKey web01Key;

    @BeforeAll
    static void web01EnrollsForLabKeyBasedRenewal() throws Exception {
        ca = TestServer.deployProperties().getProperty("cews.ca.name");
        web01 = dir.resolve("web01");
        EnrollRunner enroll = new EnrollRunner(dir);
        int code = enroll.run(enrollAsWeb01(web01, SUBJECT));
        assertEquals(0, code, enroll.both());
        web01Cert = EnrollRunner.certificate(Path.of(web01 + ".crt"));
        web01Key = Pem.privateKey(Path.of(web01 + ".key"));
        assertEquals(SUBJECT, web01Cert.getSubjectX500Principal().getName());
        assertTrue(
                web01Cert.getIssuerX500Principal().getName().contains(ca),
                web01Cert.getIssuerX500Principal().getName());
        AuthenticationIT.assertAudit(
                "CES0390 caller=LAB\\WEB01$ auth=UsernamePassword template=LabKeyBasedRenewal ca=" + ca);
    }

    /** WEB01$ (its machine password, over UsernamePassword) asks for LabKeyBasedRenewal, subject supplied. */
    private static String[] enrollAsWeb01(Path out, String subject) {
        return EnrollRunner.withPassword(
                "WEB01$",
                "WEB01_PW",
                "request",
                "--cep",
                EnrollRunner.https(CEP_PASSWORD),
                "--template",
                "LabKeyBasedRenewal",
                "--subject",
                subject,
                "--dns",
                "web01.lab.example",
                "--out",
                out.toString());
    }

    @Test
    void web01RenewsByKeyWithTheCertificateAloneAndKeepsItsSubject() throws Exception {
        EnrollRunner enroll = new EnrollRunner(dir);
        Path renewed = dir.resolve("web01-renewed");
        int code = enroll.run(
                "renew",
                "--key-based",
                "--cep",
                EnrollRunner.https(CEP_KBR),
                "--cert",
                web01 + ".crt",
                "--key",
                web01 + ".key",
                "--out",
                renewed.toString());

        assertEquals(0, code, enroll.both());
        assertTrue(
                enroll.err().contains("contacting " + EnrollRunner.https(kbrCes())),
                "the renewal-only CES took it: " + enroll.err());
        X509Certificate second = EnrollRunner.certificate(Path.of(renewed + ".crt"));
        assertEquals(web01Cert.getSubjectX500Principal(), second.getSubjectX500Principal());
        assertNotEquals(web01Cert.getSerialNumber(), second.getSerialNumber());
        assertNotEquals(web01Cert.getPublicKey(), second.getPublicKey(), "a new key");
        assertEquals(web01Cert.getIssuerX500Principal(), second.getIssuerX500Principal());
        assertArrayEquals(
                web01Cert.getExtensionValue(Extension.subjectAlternativeName.getId()),
                second.getExtensionValue(Extension.subjectAlternativeName.getId()),
                "the old certificate's alternative names carry over");
        assertArrayEquals(
                web01Cert.getExtensionValue(SID_EXTENSION),
                second.getExtensionValue(SID_EXTENSION),
                "no account's SID (not the connector's svc-ces, which called the CA) enters the certificate");
        AuthenticationIT.assertAudit("auth=Certificate/KeyBasedRenewal template=LabKeyBasedRenewal ca=" + ca);
    }

    @Test
    void aRenewalSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPair other = rsa();
        byte[] cms = renewal(web01Cert, other.getPrivate());
        assertRefusedBeforeTheCa(tls(web01Key, web01Cert), cms, NTE_BAD_SIGNATURE);
    }

    @Test
    void aRenewalOfAnotherCertificateThanTheTlsOneIsRefused() throws Exception {
        // A second LabKeyBasedRenewal certificate of WEB01$: valid, of our CA, but not the one
        // presented in TLS.
        Path second = dir.resolve("web01-second");
        EnrollRunner enroll = new EnrollRunner(dir);
        assertEquals(0, enroll.run(enrollAsWeb01(second, "CN=web01-second.lab.example")), enroll.both());
        X509Certificate other = EnrollRunner.certificate(Path.of(second + ".crt"));
        PrivateKey otherKey = Pem.privateKey(Path.of(second + ".key"));

        assertRefusedBeforeTheCa(tls(web01Key, web01Cert), renewal(other, otherKey), E_ACCESSDENIED);
    }

    @Test
    void aTemplateThatDoesNotAllowKeyBasedRenewalIsRefused() throws Exception {
        // alice's User certificate (schema 1, no CT_FLAG_ALLOW_PREVIOUS_APPROVAL_KEYBASEDRENEWAL...)
        Path alice = dir.resolve("alice-user");
        EnrollRunner enroll = new EnrollRunner(dir);
        int code = enroll.run(EnrollRunner.withPassword(
                "alice",
                "ALICE_PW",
                "request",
                "--cep",
                EnrollRunner.https(CEP_PASSWORD),
                "--template",
                "User",
                "--out",
                alice.toString()));
        assertEquals(0, code, enroll.both());
        X509Certificate user = EnrollRunner.certificate(Path.of(alice + ".crt"));
        PrivateKey key = Pem.privateKey(Path.of(alice + ".key"));

        assertRefusedBeforeTheCa(
                tls(key, user), renewal(user, key, new TemplateExtension.Name("User")), CERTSRV_E_TEMPLATE_DENIED);
    }

    @Test
    void anExpiredCertificateIsRefusedInTheHandshakeAndInTheRenewal() throws Exception {
        Instant now = Instant.now();
        TestCertificates.Issued expired = TestCertificates.issue(
                TestCertificates.labCa(),
                TestCertificates.Spec.subject(SUBJECT)
                        .dns("web01.lab.example")
                        .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
        long before = EnrollRunner.labSubmissions();
        assertHandshakeFails(tls(expired.key(), expired.certificate()));
        assertEquals(before, EnrollRunner.labSubmissions());

        // Presented as the certificate to renew, by a caller whose own TLS certificate is valid.
        assertRefusedBeforeTheCa(
                tls(web01Key, web01Cert), renewal(expired.certificate(), expired.key()), CERT_E_EXPIRED);
    }

    @Test
    void aCertificateOfAForeignCaIsRefusedInTheHandshakeAndInTheRenewal() throws Exception {
        TestCertificates.Issuer rogue = TestCertificates.rogueCa("CN=" + ca);
        TestCertificates.Issued foreign = TestCertificates.issue(
                rogue, TestCertificates.Spec.subject(SUBJECT).dns("web01.lab.example"));
        long before = EnrollRunner.labSubmissions();
        assertHandshakeFails(tls(foreign.key(), foreign.certificate(), rogue.certificate()));
        assertEquals(before, EnrollRunner.labSubmissions());

        // Same issuer name as the lab CA, another key: the CES checks the signature, not the name.
        assertRefusedBeforeTheCa(
                tls(web01Key, web01Cert), renewal(foreign.certificate(), foreign.key()), CERT_E_UNTRUSTEDROOT);
    }

    @Test
    void aNewRequestOnTheRenewalOnlyEndpointIsRefused() throws Exception {
        KeyPair keys = rsa();
        byte[] pkcs10 = CertificateRequests.pkcs10(keys, content(Optional.of(kbrTemplate())), Optional.empty())
                .getEncoded();
        assertRefusedBeforeTheCa(tls(web01Key, web01Cert), pkcs10, CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE);
    }

    // ---- helpers

    static String kbrCes() {
        return "/ces/KeyBasedRenewal_" + ca + "_CES_Certificate/service.svc/CES";
    }

    /** Posts {@code token} to the key-based renewal CES; asserts AD CS's fault and an untouched CA. */
    private static void assertRefusedBeforeTheCa(KeyManager[] keys, byte[] token, int hresult) throws Exception {
        long before = EnrollRunner.labSubmissions();
        RawHttps.Response answer;
        try (RawHttps http = new RawHttps(keys)) {
            answer = http.post(kbrCes(), null, issue(token));
        }
        assertEquals(500, answer.status(), answer.body());
        assertTrue(answer.body().contains("CertificateEnrollmentWSDetail"), answer.body());
        assertTrue(answer.body().contains("<ErrorCode>" + hresult + "</ErrorCode>"), answer.body());
        assertEquals(before, EnrollRunner.labSubmissions(), "the lab CA was asked nothing");
    }

    private static void assertHandshakeFails(KeyManager[] keys) throws Exception {
        try (RawHttps http = new RawHttps(keys)) {
            RawHttps.Response r = http.post(kbrCes(), null, issue(new byte[] {0x30, 0x00}));
            fail("the TLS handshake must fail, but the server answered " + r.status() + ": " + r.body());
        } catch (IOException refusedInTheHandshake) {
            // certificate_expired / certificate_unknown (TLS 1.3: at the first read)
        }
    }

    /** An RST Issue with a token, as the enroll client sends it (no credentials in SOAP: TLS only). */
    private static String issue(byte[] token) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + WSTEP + "/RST/wstep</a:Action>"
                + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:To s:mustUnderstand=\"1\">" + EnrollRunner.https(kbrCes()) + "</a:To></s:Header><s:Body>"
                + "<RequestSecurityToken xmlns=\"" + WST + "\"><TokenType>"
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"
                + "</TokenType><RequestType>" + WST + "/Issue</RequestType>"
                + "<BinarySecurityToken xmlns=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-secext-1.0.xsd\" ValueType=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-secext-1.0.xsd#PKCS7\" EncodingType=\"http://docs.oasis-open.org/"
                + "wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd#base64binary\">"
                + Base64.getEncoder().encodeToString(token) + "</BinarySecurityToken>"
                + "</RequestSecurityToken></s:Body></s:Envelope>";
    }

    private static TemplateExtension kbrTemplate() {
        byte[] info = web01Cert.getExtensionValue("1.3.6.1.4.1.311.21.7");
        assertTrue(info != null, "the LabKeyBasedRenewal certificate names its template");
        ASN1Sequence seq =
                ASN1Sequence.getInstance(ASN1OctetString.getInstance(info).getOctets());
        int major = seq.size() > 1 ? ASN1Integer.getInstance(seq.getObjectAt(1)).intValueExact() : 0;
        int minor = seq.size() > 2 ? ASN1Integer.getInstance(seq.getObjectAt(2)).intValueExact() : 0;
        return new TemplateExtension.Information(seq.getObjectAt(0).toString(), major, minor);
    }

    private static CertificateRequests.Content content(Optional<TemplateExtension> template) {
        return new CertificateRequests.Content(new X500Name(SUBJECT), List.of(), template);
    }

    /** A renewal of {@code old} as enroll builds it (new key, CMS), signed with {@code signingKey}. */
    private static byte[] renewal(X509Certificate old, PrivateKey signingKey) throws Exception {
        return renewal(old, signingKey, kbrTemplate());
    }

    private static byte[] renewal(X509Certificate old, PrivateKey signingKey, TemplateExtension template)
            throws Exception {
        var pkcs10 = CertificateRequests.pkcs10(
                rsa(),
                new CertificateRequests.Content(
                        X500Name.getInstance(old.getSubjectX500Principal().getEncoded()),
                        List.of(),
                        Optional.of(template)),
                Optional.of(old));
        return CertificateRequests.renewal(pkcs10, old, signingKey);
    }

    private static KeyManager[] tls(PrivateKey key, X509Certificate... chain) throws Exception {
        return TestCertificates.alwaysPresent(TestCertificates.keyManagers(key, chain));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
