package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.cews.client.cli.Enroll;
import org.cews.client.cli.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code enroll} client against the deployed EAR on the lab: GetPolicies over the
 * UsernamePassword CEP and over the Kerberos CEP (SPNEGO after the 401 challenge, a ticket from
 * the lab's KDC) as alice, with her lab password, trusting only the development CA.
 */
class EnrollClientIT {
    private static final String CEP = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void templatesListsWhatAliceMayEnrollForWithTheCesUris() throws IOException {
        int code = enroll("templates", "--cep", TestServer.https(CEP).toString(), "--user", "alice");

        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, o + err.toString(StandardCharsets.UTF_8));
        assertTrue(o.startsWith("policy "), o);
        assertTrue(o.contains("template User ("), o);
        assertTrue(o.contains("_CES_UsernamePassword/service.svc/CES"), o);
    }

    @Test
    void templatesOverKerberosWithSpnego() throws IOException {
        int code = enrollAs(
                "kerberos",
                "templates",
                "--cep",
                TestServer.https("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP")
                        .toString(),
                "--principal",
                "alice@LAB.EXAMPLE",
                "--password-env",
                "ALICE_PW",
                "--krb5-conf",
                Path.of(System.getProperty("cews.lab.dir"), "krb5.conf").toString());

        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, o + err.toString(StandardCharsets.UTF_8));
        assertTrue(o.contains("template User ("), o);
        assertTrue(o.contains("_CES_Kerberos/service.svc/CES"), o);
    }

    @Test
    void aWrongPasswordIsRefused() throws IOException {
        int code = enroll(
                "templates",
                "--cep",
                TestServer.https(CEP).toString(),
                "--user",
                "alice",
                "--password-env",
                "WRONG_PW");

        // The CEP answers a SOAP fault with the WS-Security subcode FailedAuthentication.
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(6, code, e);
        assertTrue(e.contains("ENR0306 " + TestServer.https(CEP) + " refused the credentials"), e);
        assertTrue(e.contains("FailedAuthentication"), e);
    }

    /**
     * Renewal in enrollment-agent mode (the tier's acting mode): the CES sends alice's renewal as a
     * renewal on behalf of the old certificate's subject ([MS-WCCE] 3.2.2.6.2.1.2.4, CR_IN_ROBO),
     * so the lab CA issues it to alice, not to the connector's account svc-ces.
     */
    @Test
    void aliceRenewsHerCertificateOverUsernamePasswordAndGetsHerSubject() throws Exception {
        String old = dir.resolve("alice").toString();
        int code = enroll(
                "request",
                "--cep",
                TestServer.https(CEP).toString(),
                "--user",
                "alice",
                "--template",
                "User",
                "--out",
                old);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        X509Certificate first = certificate(Path.of(old + ".crt"));
        out.reset();

        String renewed = dir.resolve("alice-renewed").toString();
        code = enroll(
                "renew",
                "--cep",
                TestServer.https(CEP).toString(),
                "--user",
                "alice",
                "--cert",
                old + ".crt",
                "--key",
                old + ".key",
                "--out",
                renewed);

        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, o + err.toString(StandardCharsets.UTF_8));
        X509Certificate second = certificate(Path.of(renewed + ".crt"));
        assertEquals(first.getSubjectX500Principal(), second.getSubjectX500Principal(), o);
        assertTrue(second.getSubjectX500Principal().getName().contains("CN=Alice Archer,CN=Users"), o);
        assertTrue(!first.getSerialNumber().equals(second.getSerialNumber()), o);
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private int enroll(String... args) throws IOException {
        return enrollAs("password", args);
    }

    private int enrollAs(String mode, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of(
                "--auth",
                mode,
                "--ca-file",
                TestServer.tlsDir().resolve("ca.crt").toString(),
                "--no-cache"));
        if (!a.contains("--password-env")) {
            a.addAll(List.of("--password-env", "ALICE_PW"));
        }
        Environment env = new Environment(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("ALICE_PW", labPassword("alice"), "WRONG_PW", "not-" + labPassword("alice")),
                Optional.empty(),
                Clock.systemUTC(),
                new SecureRandom(),
                dir,
                d -> {});
        return Enroll.run(a, env);
    }

    /** The lab's password of an account, from the lab's own accounts file. */
    private static String labPassword(String user) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EnrollClientIT.class.getResourceAsStream("/org/cews/lab/lab-accounts.properties")) {
            p.load(in);
        }
        return p.getProperty("user." + user + ".password");
    }
}
