package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
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
