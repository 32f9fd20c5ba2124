package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cews.client.pki.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code enroll} client against the deployed EAR on the lab, trusting only the development CA:
 * {@code templates} over UsernamePassword and Kerberos; {@code request} in each authentication mode
 * (a Kerberos login at the lab's KDC, a UsernameToken, a client certificate the lab CA issued to
 * alice); a request the CA pends (LabPendOnBehalf, lab-enrollment-agent.ldif) collected with {@code
 * poll} after the lab's officer approves it, by alice and not by bob; renewal over UsernamePassword
 * in enrollment-agent mode; and failover from a CES URI where nothing listens to the next one.
 * Key-based renewal is {@link KeyBasedRenewalIT}.
 */
class EnrollClientIT {
    private static final String CEP = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";
    private static final String CEP_KERBEROS = "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
    private static final String CEP_CERTIFICATE = "/ADPolicyProvider_CEP_Certificate/service.svc/CEP";
    private static final Pattern REFERENCE = Pattern.compile("(?m)^reference: ((\\d+)@(\\S+))$");

    @TempDir
    Path dir;

    private static String ca;

    @BeforeAll
    static void lab() throws IOException {
        ca = TestServer.deployProperties().getProperty("cews.ca.name");
    }

    private static String ces(String mode) {
        return EnrollRunner.https("/ces/" + ca + "_CES_" + mode + "/service.svc/CES");
    }

    @Test
    void templatesListsWhatAliceMayEnrollForWithTheCesUris() throws IOException {
        EnrollRunner enroll = new EnrollRunner(dir);
        int code = enroll.run(asAlice("templates", "--cep", EnrollRunner.https(CEP)));

        String o = enroll.out();
        assertEquals(0, code, enroll.both());
        assertTrue(o.startsWith("policy "), o);
        assertTrue(o.contains("template User ("), o);
        assertTrue(o.contains("template LabPendOnBehalf ("), o);
        assertTrue(o.contains("_CES_UsernamePassword/service.svc/CES"), o);
    }

    @Test
    void templatesOverKerberosWithSpnego() throws IOException {
        EnrollRunner enroll = new EnrollRunner(dir);
        int code = enroll.run(asAliceByKerberos("templates", "--cep", EnrollRunner.https(CEP_KERBEROS)));

        String o = enroll.out();
        assertEquals(0, code, enroll.both());
        assertTrue(o.contains("template User ("), o);
        assertTrue(o.contains("_CES_Kerberos/service.svc/CES"), o);
    }

    @Test
    void aWrongPasswordIsRefused() throws IOException {
        EnrollRunner enroll = new EnrollRunner(dir);
        int code = enroll.run(
                EnrollRunner.withPassword("alice", "WRONG_PW", "templates", "--cep", EnrollRunner.https(CEP)));

        // The CEP answers a SOAP fault with the WS-Security subcode FailedAuthentication.
        String e = enroll.err();
        assertEquals(6, code, e);
        assertTrue(e.contains("ENR0306 " + EnrollRunner.https(CEP) + " refused the credentials"), e);
        assertTrue(e.contains("FailedAuthentication"), e);
    }

    @Test
    void aliceEnrollsOverUsernamePassword() throws Exception {
        X509Certificate cert = request(new EnrollRunner(dir), "password", "User");
        assertAlice(cert);
    }

    @Test
    void aliceEnrollsOverKerberosWithATicketFromTheLabKdc() throws Exception {
        X509Certificate cert = request(new EnrollRunner(dir), "kerberos", "User");
        assertAlice(cert);
    }

    /** alice's certificate from the lab CA (SID extension) as the TLS client certificate. */
    @Test
    void aliceEnrollsWithHerCertificate() throws Exception {
        EnrollRunner enroll = new EnrollRunner(dir);
        request(enroll, "password", "User");
        Path first = dir.resolve("alice-password-User");
        Path out = dir.resolve("alice-by-certificate");
        int code = enroll.run(
                "request",
                "--cep",
                EnrollRunner.https(CEP_CERTIFICATE),
                "--template",
                "LabOnBehalfUser",
                "--out",
                out.toString(),
                "--auth",
                "certificate",
                "--client-cert",
                first + ".crt",
                "--client-key",
                first + ".key");
        assertEquals(0, code, enroll.both());
        assertTrue(enroll.err().contains("contacting " + ces("Certificate")), enroll.err());
        X509Certificate cert = EnrollRunner.certificate(Path.of(out + ".crt"));
        assertAlice(cert);
        AuthenticationIT.assertAudit("CES0390 caller=LAB\\alice auth=Certificate template=LabOnBehalfUser ca=" + ca);
    }

    /**
     * LabPendOnBehalf pends every request (CT_FLAG_PEND_ALL_REQUESTS): enroll exits 3 with the
     * reference, the lab's officer approves, and poll collects it with alice's credentials; bob,
     * with his, is refused (E_ACCESSDENIED: the reference binds alice).
     */
    @Test
    void aPendingRequestIsCollectedAfterTheOfficerApproves() throws Exception {
        EnrollRunner enroll = new EnrollRunner(dir);
        Path out = dir.resolve("alice-pending");
        int code = enroll.run(asAlice(
                "request", "--cep", EnrollRunner.https(CEP), "--template", "LabPendOnBehalf", "--out", out.toString()));
        assertEquals(3, code, enroll.both());
        Matcher m = REFERENCE.matcher(enroll.out());
        assertTrue(m.find(), enroll.out());
        String reference = m.group(1);
        int id = Integer.parseInt(m.group(2));
        assertTrue(m.group(3).startsWith(ces("UsernamePassword") + "?pending="), reference);

        code = enroll.run(asAlice("poll", reference, "--out", out.toString()));
        assertEquals(3, code, "still pending before the officer acts: " + enroll.both());

        LabEnrollmentIT.approve(id);
        code = enroll.run(EnrollRunner.withPassword(
                "bob",
                "BOB_PW",
                "poll",
                reference,
                "--out",
                dir.resolve("bob-takes").toString()));
        assertEquals(2, code, enroll.both());
        assertTrue(enroll.err().contains("0x80070005"), enroll.err());

        code = enroll.run(asAlice("poll", reference, "--out", out.toString()));
        assertEquals(0, code, enroll.both());
        assertTrue(enroll.out().contains("issued: request " + id), enroll.out());
        X509Certificate cert = EnrollRunner.certificate(Path.of(out + ".crt"));
        assertAlice(cert);
        assertEquals(cert.getPublicKey(), Pem.keyPair(Path.of(out + ".key")).getPublic());
    }

    /**
     * Two CES URIs, the first with nothing listening (the tier's dead endpoint-mapper port): enroll
     * says so (ENR0702) and the second, the deployed CES, issues.
     */
    @Test
    void aDeadCesUriIsPassedForTheNextOne() throws Exception {
        String dead = "https://localhost:" + System.getProperty("cews.dead.epm.port") + "/ces/" + ca
                + "_CES_UsernamePassword/service.svc/CES";
        EnrollRunner enroll = new EnrollRunner(dir);
        Path out = dir.resolve("alice-failover");
        int code = enroll.run(asAlice(
                "request",
                "--cep",
                EnrollRunner.https(CEP),
                "--template",
                "User",
                "--out",
                out.toString(),
                "--ces",
                dead,
                "--ces",
                ces("UsernamePassword")));
        assertEquals(0, code, enroll.both());
        String e = enroll.err();
        assertTrue(e.contains("ENR0702 " + dead + " did not answer (ENR0201)"), e);
        assertTrue(e.indexOf("contacting " + dead) < e.indexOf("contacting " + ces("UsernamePassword")), e);
        assertAlice(EnrollRunner.certificate(Path.of(out + ".crt")));
    }

    /**
     * Renewal in enrollment-agent mode (the tier's acting mode): the CES sends alice's renewal as a
     * renewal on behalf of the old certificate's subject ([MS-WCCE] 3.2.2.6.2.1.2.4, CR_IN_ROBO),
     * so the lab CA issues it to alice, not to the connector's account svc-ces.
     */
    @Test
    void aliceRenewsHerCertificateOverUsernamePasswordAndGetsHerSubject() throws Exception {
        EnrollRunner enroll = new EnrollRunner(dir);
        X509Certificate first = request(enroll, "password", "User");
        Path old = dir.resolve("alice-password-User");

        String renewed = dir.resolve("alice-renewed").toString();
        int code = enroll.run(asAlice(
                "renew",
                "--cep",
                EnrollRunner.https(CEP),
                "--cert",
                old + ".crt",
                "--key",
                old + ".key",
                "--out",
                renewed));

        String o = enroll.out();
        assertEquals(0, code, enroll.both());
        X509Certificate second = EnrollRunner.certificate(Path.of(renewed + ".crt"));
        assertEquals(first.getSubjectX500Principal(), second.getSubjectX500Principal(), o);
        assertAlice(second);
        assertNotEquals(first.getSerialNumber(), second.getSerialNumber(), o);
    }

    /** alice requests {@code template} over {@code mode} (password or kerberos); the issued certificate. */
    private X509Certificate request(EnrollRunner enroll, String mode, String template) throws Exception {
        String cep = mode.equals("kerberos") ? CEP_KERBEROS : CEP;
        Path out = dir.resolve("alice-" + mode + "-" + template);
        String[] args = {"request", "--cep", EnrollRunner.https(cep), "--template", template, "--out", out.toString()};
        int code = enroll.run(mode.equals("kerberos") ? asAliceByKerberos(args) : asAlice(args));
        assertEquals(0, code, enroll.both());
        String modeName = mode.equals("kerberos") ? "Kerberos" : "UsernamePassword";
        assertTrue(enroll.err().contains("contacting " + ces(modeName)), enroll.err());
        assertTrue(enroll.out().contains("issued: request "), enroll.out());
        AuthenticationIT.assertAudit("CES0390 caller=LAB\\alice auth=" + modeName + " template=" + template);
        return EnrollRunner.certificate(Path.of(out + ".crt"));
    }

    private static void assertAlice(X509Certificate cert) {
        String subject = cert.getSubjectX500Principal().getName();
        assertTrue(subject.contains("CN=Alice Archer,CN=Users"), subject);
        assertTrue(
                cert.getIssuerX500Principal().getName().contains(ca),
                cert.getIssuerX500Principal().getName());
    }

    private static String[] asAlice(String... args) {
        return EnrollRunner.withPassword("alice", "ALICE_PW", args);
    }

    private static String[] asAliceByKerberos(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of(
                "--auth",
                "kerberos",
                "--principal",
                "alice@LAB.EXAMPLE",
                "--password-env",
                "ALICE_PW",
                "--krb5-conf",
                Path.of(System.getProperty("cews.lab.dir"), "krb5.conf").toString()));
        return a.toArray(String[]::new);
    }
}
