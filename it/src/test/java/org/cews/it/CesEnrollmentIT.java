package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RequestSecurityToken through the deployed CES, as cepces sends it (a PKCS#10 in 64-character
 * lines naming its template in extension 1.3.6.1.4.1.311.20.2, a UsernameToken with the qualified
 * wsse:Type): WildFly's front door authenticates alice against the lab directory, the CES checks
 * the request and the policy, and the connector submits it to the lab CA in enrollment-agent mode
 * (svc-ces signs on alice's behalf; the CA builds alice's subject). Also: a pend-all template
 * (LabPendOnBehalf) pends,
 * the lab's officer approves, alice collects at the Reference URI and bob cannot; an unpublished
 * template and hostile DER are faults that never reach the CA.
 */
class CesEnrollmentIT {

    private static final String ALICE = "Alice-Lab-Pw-1";
    private static final String BOB = "Bob-Lab-Pw-1";
    private static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    private static final String WSTEP = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment";
    private static final Pattern REQUESTED =
            Pattern.compile("RequestedSecurityToken><wsse:BinarySecurityToken[^>]*>([A-Za-z0-9+/=]+)<");
    private static final Pattern REFERENCE = Pattern.compile("Reference URI=\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("RequestID>(\\d+)<");

    private static String ca;

    @BeforeAll
    static void lab() throws Exception {
        ca = TestServer.deployProperties().getProperty("cews.ca.name");
    }

    private static String path() {
        return "/ces/" + ca + "_CES_UsernamePassword/service.svc/CES";
    }

    /** cepces' RST (docs/XCEP-WSTEP.md §1.1, §1.5, §4.4): ElementTree prefixes, PEM lines, qualified wsse:Type. */
    private static String rst(String user, String password, String requestType, String token, String requestId) {
        return "<ns0:Envelope xmlns:ns0=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:ns1=\"http://www.w3.org/2005/08/addressing\""
                + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<ns0:Header><ns1:Action ns0:mustUnderstand=\"1\">" + WSTEP + "/RST/wstep</ns1:Action>"
                + "<ns1:MessageID>urn:uuid:" + UUID.randomUUID() + "</ns1:MessageID>"
                + "<wsse:Security ns0:mustUnderstand=\"1\"><wsse:UsernameToken><wsse:Username>" + user
                + "</wsse:Username><wsse:Password wsse:Type=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-username-token-profile-1.0#PasswordText\">" + password + "</wsse:Password>"
                + "</wsse:UsernameToken></wsse:Security></ns0:Header><ns0:Body>"
                + "<ns2:RequestSecurityToken xmlns:ns2=\"" + WST + "\"><ns2:TokenType>"
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"
                + "</ns2:TokenType><ns2:RequestType>" + requestType + "</ns2:RequestType>"
                + "<wsse:BinarySecurityToken ValueType=\"" + WSTEP + "#PKCS10\" EncodingType=\""
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd#base64binary\""
                + " wsu:Id=\"\">" + token + "</wsse:BinarySecurityToken>"
                + (requestId == null
                        ? ""
                        : "<ns5:RequestID xmlns:ns5=\"" + WSTEP + "\">" + requestId + "</ns5:RequestID>")
                + "</ns2:RequestSecurityToken></ns0:Body></ns0:Envelope>";
    }

    static String issue(String user, String password, byte[] csr) {
        return rst(
                user,
                password,
                WST + "/Issue",
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(csr),
                null);
    }

    /** A fresh key's PKCS#10 naming {@code template} the way certmonger does (20.2, BMPString). */
    private static byte[] csr(String template) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair key = g.generateKeyPair();
        Extension name = new Extension(
                new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2"), false, new DERBMPString(template).getEncoded());
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + template), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(name))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
                .getEncoded();
    }

    /**
     * POSTs {@code body}; a 503 (the CES's first read of the directory still running, docs/WSTEP.md
     * §5) is tried again for up to 30 s, as certmonger would.
     */
    static RawHttps.Response post(String at, String body) throws Exception {
        for (int i = 0; ; i++) {
            try (RawHttps http = new RawHttps(null)) {
                RawHttps.Response r = http.post(at, null, body);
                if (r.status() != 503 || i == 30) {
                    return r;
                }
            }
            Thread.sleep(1000);
        }
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertTrue(m.find(), pattern + " in " + body);
        return m.group(1);
    }

    static X509Certificate issuedCertificate(RawHttps.Response answer) throws Exception {
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("RequestSecurityTokenResponseCollection"), answer.body());
        byte[] der = Base64.getDecoder().decode(group(REQUESTED, answer.body()));
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void aliceEnrollsOverUsernamePasswordAndTheCaBuildsHerSubject() throws Exception {
        X509Certificate cert =
                issuedCertificate(post(path(), issue("alice@lab.example", ALICE, csr("LabOnBehalfUser"))));
        String subject = cert.getSubjectX500Principal().getName();
        assertTrue(subject.contains("CN=Alice Archer"), subject);
        AuthenticationIT.assertAudit(
                "CES0390 caller=LAB\\alice auth=UsernamePassword template=LabOnBehalfUser ca=" + ca);
    }

    /**
     * LabPendOnBehalf (lab-enrollment-agent.ldif) pends every request and takes the one agent
     * signature the CES gives in enrollment-agent mode (docs/WSTEP.md §7), as the embedded default
     * has it: nothing is patched for the test.
     */
    @Test
    void pendingRequestIsCollectedAtItsReferenceByItsOwnerOnly() throws Exception {
        pendApproveCollect();
    }

    private void pendApproveCollect() throws Exception {
        String reference;
        int id;
        RawHttps.Response pending = post(path(), issue("alice@lab.example", ALICE, csr("LabPendOnBehalf")));
        assertEquals(200, pending.status(), pending.body());
        reference = group(REFERENCE, pending.body()).replace("&amp;", "&");
        id = Integer.parseInt(group(REQUEST_ID, pending.body()));
        URI uri = URI.create(reference);
        String at = uri.getRawPath() + "?" + uri.getRawQuery();
        assertTrue(uri.getRawPath().equalsIgnoreCase(path()), reference);
        String poll = rst("alice@lab.example", ALICE, WSTEP + "/QueryTokenStatus", "", Integer.toString(id));
        try (RawHttps http = new RawHttps(null)) {
            RawHttps.Response still = http.post(at, null, poll);
            assertEquals(200, still.status(), "still pending is never a fault: " + still.body());
            assertTrue(still.body().contains("Reference URI="), still.body());
        }
        LabEnrollmentIT.approve(id);
        try (RawHttps http = new RawHttps(null)) {
            RawHttps.Response bob = http.post(
                    at, null, rst("bob@lab.example", BOB, WSTEP + "/QueryTokenStatus", "", Integer.toString(id)));
            assertEquals(500, bob.status(), bob.body());
            assertTrue(bob.body().contains("<ErrorCode>-2147024891</ErrorCode>"), bob.body());
            X509Certificate cert = issuedCertificate(http.post(at, null, poll));
            // the subject comes from alice's directory entry, not from the request (CN=LabPendOnBehalf)
            String subject = cert.getSubjectX500Principal().getName();
            assertTrue(subject.contains("CN=Alice Archer,CN=Users"), subject);
            assertTrue(
                    cert.getIssuerX500Principal().getName().contains(ca),
                    cert.getIssuerX500Principal().getName());
        }
    }

    @Test
    void unpublishedTemplateIsRefusedWithAdcsHresult() throws Exception {
        RawHttps.Response refused = post(path(), issue("alice@lab.example", ALICE, csr("LabRetired")));
        assertEquals(500, refused.status(), refused.body());
        assertTrue(refused.body().contains("<ErrorCode>-2146875392</ErrorCode>"), refused.body());
        assertTrue(refused.body().contains("CertificateEnrollmentWSDetail"), refused.body());
        assertTrue(
                refused.body().contains(">" + WSTEP + "/RequestSecurityTokenCertificateEnrollmentWSDetailFault</"),
                refused.body());
    }

    @Test
    void deeplyNestedDerIsAFaultNotAnError() throws Exception {
        byte[] inner = {0x30, 0x00};
        for (int i = 1; i < 5000; i++) {
            int n = inner.length;
            byte[] header = n < 0x80
                    ? new byte[] {0x30, (byte) n}
                    : n < 0x100
                            ? new byte[] {0x30, (byte) 0x81, (byte) n}
                            : new byte[] {0x30, (byte) 0x82, (byte) (n >> 8), (byte) n};
            byte[] outer = new byte[header.length + n];
            System.arraycopy(header, 0, outer, 0, header.length);
            System.arraycopy(inner, 0, outer, header.length, n);
            inner = outer;
        }
        RawHttps.Response refused = post(path(), issue("alice@lab.example", ALICE, inner));
        assertEquals(500, refused.status(), refused.body());
        // ERROR_INVALID_DATA 0x8007000D: the bounded DER walk refused it (CES0202 in the audit log)
        assertTrue(refused.body().contains("<ErrorCode>-2147024883</ErrorCode>"), refused.body());
    }
}
