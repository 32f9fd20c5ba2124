package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.it.KerberosClient;
import org.cews.it.RawHttps;
import org.cews.it.TestCertificates;
import org.cews.lab.LabAccounts;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's impersonation mode through Samba's KDC, end to end over the deployed CES: the WildFly of
 * the {@link SambaForest} runs the CES with {@code cews.ces.actingMode=impersonation}; a caller
 * authenticated by Kerberos (a ticket from Samba's KDC), by a client certificate (mapped to its
 * Samba account) or by a UsernameToken (checked by Samba) sends [MS-WSTEP] RequestSecurityToken;
 * the CES checks the template against the policy read from Samba, then the connector gets the CA a
 * ticket in the caller's name by S4U2Self + S4U2Proxy with svc-ces's keytab against Samba's KDC,
 * and the lab CA inside the realm (Samba's keys and directory) issues in the caller's name: the
 * certificate carries the caller's subject and SID as the CA read them from Samba, and the lab's
 * log names the caller as the one who bound and submitted, never svc-ces.
 */
@ExtendWith(SambaForest.Extension.class)
class SambaCesImpersonationIT {

    static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String WSTEP = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment";
    static final Pattern REQUESTED =
            Pattern.compile("RequestedSecurityToken><wsse:BinarySecurityToken[^>]*>([A-Za-z0-9+/=]+)<");
    static final String REALM = SambaForest.REALM;

    static SambaForest forest;
    static int port;
    static LabAccounts accounts;

    @BeforeAll
    static void start(SambaForest shared) {
        forest = shared;
        port = forest.wildfly().https("/").getPort();
        accounts = LabAccounts.load();
    }

    static String ces(String mode) {
        return "/ces/" + forest.caName() + "_CES_" + mode + "/service.svc/CES";
    }

    /** RequestSecurityToken Issue for a PKCS#10, with a UsernameToken header when {@code user} is given. */
    static String issue(String user, String password, byte[] csr) {
        String security = user == null
                ? ""
                : "<wsse:Security s:mustUnderstand=\"1\"><wsse:UsernameToken><wsse:Username>" + user
                        + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                        + "oasis-200401-wss-username-token-profile-1.0#PasswordText\">" + password
                        + "</wsse:Password></wsse:UsernameToken></wsse:Security>";
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\""
                + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<s:Header><a:Action s:mustUnderstand=\"1\">" + WSTEP + "/RST/wstep</a:Action>"
                + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>" + security + "</s:Header>"
                + "<s:Body><RequestSecurityToken xmlns=\"" + WST + "\"><TokenType>"
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"
                + "</TokenType><RequestType>" + WST + "/Issue</RequestType>"
                + "<wsse:BinarySecurityToken ValueType=\"" + WSTEP + "#PKCS10\" EncodingType=\""
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd#base64binary\">"
                + Base64.getEncoder().encodeToString(csr) + "</wsse:BinarySecurityToken>"
                + "</RequestSecurityToken></s:Body></s:Envelope>";
    }

    /** A fresh RSA key's PKCS#10 naming {@code template} in extension 1.3.6.1.4.1.311.20.2. */
    static byte[] csr(String template) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        Extension name = new Extension(
                new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2"), false, new DERBMPString(template).getEncoded());
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored-by-the-ca"), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(name))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
                .getEncoded();
    }

    static X509Certificate issued(RawHttps.Response answer) throws Exception {
        assertEquals(200, answer.status(), answer.body());
        Matcher m = REQUESTED.matcher(answer.body());
        assertTrue(m.find(), answer.body());
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
    }

    /** The CA's log: the caller bound by Kerberos and submitted, and the CA issued to it. */
    static void assertTheCaSawTheCaller(String sam, String template) throws Exception {
        String log = forest.labLog();
        String caller = REALM + "\\" + sam;
        assertTrue(log.contains("bind: " + caller + " authenticated by Kerberos"), log);
        assertTrue(
                SambaImpersonationEnrollmentIT.hasLine(
                        log, "event=submit caller=" + caller + " ", "template=" + template + " ", "CR_DISP_ISSUED"),
                log);
        assertFalse(log.contains(SambaForest.CES + " authenticated"), "the CES account never binds as itself: " + log);
        assertFalse(log.contains("caller=" + REALM + "\\" + SambaForest.CES), log);
    }

    static void assertAudit(String text) throws Exception {
        String audit = Files.readString(forest.wildflyLog("cews-audit.log"));
        assertTrue(audit.contains(text), "audit log has: " + text);
    }

    @Test
    void aKerberosCallerIsIssuedInHerOwnName() throws Exception {
        KerberosClient alice =
                KerberosClient.login("alice", accounts.requireUser("alice").password(), forest.krb5Conf());
        X509Certificate cert;
        try (RawHttps http = new RawHttps(null, port)) {
            cert = issued(http.post(
                    ces("Kerberos"),
                    "Negotiate " + alice.firstToken(KerberosClient.SPNEGO),
                    issue(null, null, csr("User"))));
        }
        assertTrue(
                cert.getSubjectX500Principal().getName().endsWith("CN=Alice Archer,CN=Users,DC=lab,DC=example"),
                cert.getSubjectX500Principal().getName());
        assertEquals(LabForest.ALICE.toString(), SambaImpersonationEnrollmentIT.securityExtensionSid(cert));
        assertTheCaSawTheCaller("alice", "User");
        assertAudit("CES0390 caller=LAB\\alice auth=Kerberos template=User ca=" + forest.caName());
    }

    @Test
    void aCertificateCallerIsIssuedInHisOwnName() throws Exception {
        KeyManager[] bob = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=bob-samba-ces,O=cews").upn("bob@lab.example"));
        X509Certificate cert;
        try (RawHttps http = new RawHttps(bob, port)) {
            cert = issued(http.post(ces("Certificate"), null, issue(null, null, csr("User"))));
        }
        assertTrue(
                cert.getSubjectX500Principal().getName().endsWith("CN=Bob Baker,CN=Users,DC=lab,DC=example"),
                cert.getSubjectX500Principal().getName());
        assertEquals(LabForest.BOB.toString(), SambaImpersonationEnrollmentIT.securityExtensionSid(cert));
        assertTheCaSawTheCaller("bob", "User");
        assertAudit("CES0390 caller=LAB\\bob auth=Certificate template=User ca=" + forest.caName());
    }

    /**
     * A UsernameToken caller is impersonated too (protocol transition needs no ticket of the
     * caller's): alice on LabUserV2, which the CA allows her and denies to PKI Enroll Blocked.
     */
    @Test
    void aUsernameTokenCallerIsIssuedInHerOwnName() throws Exception {
        X509Certificate cert;
        try (RawHttps http = new RawHttps(null, port)) {
            cert = issued(http.post(
                    ces("UsernamePassword"),
                    null,
                    issue("alice@lab.example", accounts.requireUser("alice").password(), csr("LabUserV2"))));
        }
        assertEquals(LabForest.ALICE.toString(), SambaImpersonationEnrollmentIT.securityExtensionSid(cert));
        assertTheCaSawTheCaller("alice", "LabUserV2");
        assertAudit("CES0390 caller=LAB\\alice auth=UsernamePassword template=LabUserV2 ca=" + forest.caName());
    }

    /** bob is in PKI Enroll Blocked: the CES's own check, on the policy read from Samba, denies him. */
    @Test
    void aCallerSambasPolicyDeniesIsRefusedByTheCes() throws Exception {
        try (RawHttps http = new RawHttps(null, port)) {
            RawHttps.Response denied = http.post(
                    ces("UsernamePassword"),
                    null,
                    issue("bob@lab.example", accounts.requireUser("bob").password(), csr("LabUserV2")));
            assertEquals(500, denied.status(), denied.body());
            assertTrue(denied.body().contains("ErrorCode>-2146877422<"), "CERTSRV_E_TEMPLATE_DENIED: " + denied.body());
        }
    }
}
