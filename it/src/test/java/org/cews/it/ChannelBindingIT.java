package org.cews.it;

import static org.cews.it.AuthenticationIT.BODY;
import static org.cews.it.AuthenticationIT.CEP_KERBEROS;
import static org.cews.it.AuthenticationIT.CEP_PASSWORD;
import static org.cews.it.AuthenticationIT.assertAuthenticated;
import static org.cews.it.AuthenticationIT.assertLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cews.client.auth.TlsServerEndPoint;
import org.cews.client.cli.Enroll;
import org.cews.client.cli.Environment;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.Oid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extended protection (tls-server-end-point channel binding, docs/AUTHENTICATION.md §2.1) on the
 * tier's WildFly: for these tests the CEP's Kerberos endpoint is switched to Require and the CES's
 * stays at None (the system properties cews.auth.channelBinding.*, read at every request), and
 * both are put back to None, the tier's setting, afterwards. Clients: the JDK's GSS initiator (with
 * the binding of the connection, with none, with another certificate's, and with the public API's
 * type-255 encoding), MIT krb5 through python-gssapi as requests-gssapi 1.4 and cepces use it,
 * curl --negotiate, and the enroll client.
 */
class ChannelBindingIT {

    private static final String CES_KERBEROS_PATH = "_CES_Kerberos/service.svc/CES";

    @TempDir
    static Path work;

    private static KerberosClient alice;
    private static X509Certificate served;
    private static Path ccache;
    private static String ces;

    @BeforeAll
    static void setUp() throws Exception {
        alice = KerberosClient.login("alice", "Alice-Lab-Pw-1");
        ces = "/ces/" + TestServer.deployProperties().getProperty("cews.ca.name") + CES_KERBEROS_PATH;
        try (RawHttps http = new RawHttps(null)) {
            served = http.serverCertificate();
        }
        // RFC 5929 §4.1 for the tier's certificate (signed SHA256withECDSA by the development CA):
        // SHA-256 of its DER.
        assertTrue(served.getSigAlgName().startsWith("SHA256with"), served.getSigAlgName());
        ccache = AuthenticationIT.kinitAlice(work);
    }

    @BeforeEach
    void cepRequiresCesDoesNot() throws Exception {
        levels("Require", "None");
    }

    @AfterAll
    static void offAgain() throws Exception {
        levels("None", "None");
    }

    private static String current = "";

    /** Sets both levels with one jboss-cli run (skipped when they are set already). */
    static void levels(String cep, String ces) throws Exception {
        if (current.equals(cep + "/" + ces)) {
            return;
        }
        String out = TestServer.cli("batch,"
                + "/system-property=cews.auth.channelBinding.cep:write-attribute(name=value, value=" + cep + "),"
                + "/system-property=cews.auth.channelBinding.ces:write-attribute(name=value, value=" + ces + "),"
                + "run-batch");
        assertTrue(out.contains("The batch executed successfully"), out);
        current = cep + "/" + ces;
    }

    private static Path krb5() {
        return KerberosClient.labDir().resolve("krb5.conf");
    }

    /** RFC 5929 §4: "tls-server-end-point:" and the SHA-256 of the certificate's DER. */
    private static byte[] applicationData(X509Certificate certificate) throws Exception {
        byte[] prefix = "tls-server-end-point:".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        byte[] out = new byte[prefix.length + hash.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(hash, 0, out, prefix.length, hash.length);
        return out;
    }

    /** The binding as Windows and MIT encode it (address type 0), from the JDK's internal class. */
    private static ChannelBinding windowsStyle(byte[] applicationData) {
        return TlsServerEndPoint.binding(applicationData)
                .orElseThrow(() -> new AssertionError("the test JVM needs --add-exports (it/pom.xml)"));
    }

    private static RawHttps.Response post(String path, String token) throws Exception {
        try (RawHttps http = new RawHttps(null)) {
            return http.post(path, token == null ? null : "Negotiate " + token, BODY);
        }
    }

    private static void assertRefused(String what, RawHttps.Response answer) {
        assertEquals(403, answer.status(), what + " " + answer.status() + " " + answer.body());
    }

    @Test
    void theJdkClientWithTheBindingOfThisConnectionIsAccepted() throws Exception {
        for (Oid mechanism : new Oid[] {KerberosClient.SPNEGO, KerberosClient.KRB5}) {
            String token = alice.firstToken(mechanism, windowsStyle(applicationData(served)));
            assertAuthenticated("bound token at Require " + mechanism, post(CEP_KERBEROS, token));
        }
    }

    @Test
    void aTokenWithoutBindingIsRefusedWhereRequiredAndAcceptedWhereNot() throws Exception {
        assertRefused("no binding at Require", post(CEP_KERBEROS, alice.firstToken(KerberosClient.SPNEGO)));
        assertLog("EPA0101 Negotiate refused at " + CEP_KERBEROS + ": extended protection is Require there");
        assertAuthenticated("no binding at None", post(ces, alice.firstToken(KerberosClient.SPNEGO)));
    }

    @Test
    void aTokenBoundToAnotherCertificateIsRefusedWhereRequired() throws Exception {
        // Another certificate's hash: the development CA's, which a relaying or TLS-terminating
        // party in between would have in place of the server's.
        ChannelBinding wrong = windowsStyle(applicationData(TestServer.developmentCa()));
        assertRefused("wrong binding at Require", post(CEP_KERBEROS, alice.firstToken(KerberosClient.SPNEGO, wrong)));
        assertLog("EPA0102 Negotiate refused at " + CEP_KERBEROS + ": the Kerberos token is bound to another TLS");
        // None ignores whatever binding the client sent (RFC 4121 §4.1.1.2).
        assertAuthenticated("wrong binding at None", post(ces, alice.firstToken(KerberosClient.SPNEGO, wrong)));
    }

    @Test
    void theJdkPublicApiEncodingIsNotWhatWindowsAndMitSend() throws Exception {
        // new ChannelBinding(appData): the right data, hashed with address type 255 (docs/WILDFLY-AUTH.md §7.2).
        ChannelBinding publicApi = new ChannelBinding(applicationData(served));
        assertRefused("type-255 binding", post(CEP_KERBEROS, alice.firstToken(KerberosClient.SPNEGO, publicApi)));
    }

    @Test
    void mitKrb5ThroughPythonGssapiAsCepcesUsesIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                pythonGssapi(), "skipped: /usr/bin/python3 cannot import gssapi (Debian: python3-gssapi)");
        String right = HexFormat.of().formatHex(applicationData(served));
        String wrong = HexFormat.of().formatHex(applicationData(TestServer.developmentCa()));
        for (String mech : new String[] {"spnego", "krb5"}) {
            assertAuthenticated("MIT " + mech + " bound", post(CEP_KERBEROS, mit(mech, right)));
            assertRefused("MIT " + mech + " wrong", post(CEP_KERBEROS, mit(mech, wrong)));
            assertRefused("MIT " + mech + " none", post(CEP_KERBEROS, mit(mech, "none")));
        }
        assertAuthenticated("MIT none at None", post(ces, mit("spnego", "none")));
    }

    @Test
    void curlNegotiateSendsNoBinding() throws Exception {
        // curl 7.88 (Debian 12) binds nothing: refused where required, accepted where not.
        assertEquals("403", curl(CEP_KERBEROS).lines().reduce((a, b) -> b).orElse(""));
        assertLog("EPA0101 Negotiate refused at " + CEP_KERBEROS);
        String atNone = curl(ces);
        assertTrue(atNone.endsWith("\n500") && atNone.contains("SOAP0107"), atNone);
    }

    @Test
    void anIdentityEstablishedWithoutBindingDoesNotPassARequiredEndpoint() throws Exception {
        // A Negotiate header on a UsernamePassword endpoint is taken by Elytron's SPNEGO anyway
        // (docs/WILDFLY-AUTH.md §3), unbound, and cached in the session and on the connection.
        // Where bindings are off, that identity then opens the Kerberos endpoint without a token;
        // where they are required, it must not.
        levels("None", "None");
        assertEquals(200, replayOnTheSameConnection(), "control: at None the cached identity is used");
        levels("Require", "None");
        assertEquals(401, replayOnTheSameConnection());
    }

    /** An unbound token on the UsernamePassword endpoint, then its cookie on the Kerberos one. */
    private static int replayOnTheSameConnection() throws Exception {
        try (RawHttps http = new RawHttps(null)) {
            RawHttps.Response first =
                    http.post(CEP_PASSWORD, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY);
            List<String> cookies = new ArrayList<>();
            first.headers()
                    .getOrDefault("set-cookie", List.of())
                    .forEach(c -> cookies.add("Cookie: " + c.split(";")[0]));
            assertFalse(cookies.isEmpty(), "the unbound SPNEGO login made a session: " + first.headers());
            RawHttps.Response second = http.post(CEP_KERBEROS, null, BODY, cookies);
            return second.status() == 500 && second.body().contains("SOAP0107") ? 200 : second.status();
        }
    }

    @Test
    void allowIsEnforcedAsRequire() throws Exception {
        levels("Allow", "None");
        assertRefused("no binding at Allow", post(CEP_KERBEROS, alice.firstToken(KerberosClient.SPNEGO)));
        assertAuthenticated(
                "bound at Allow",
                post(CEP_KERBEROS, alice.firstToken(KerberosClient.SPNEGO, windowsStyle(applicationData(served)))));
        assertLog("EPA0108 the setting cews.auth.channelBinding.cep is Allow");
    }

    @Test
    void theEnrollClientBindsItsTokensAndEnrollsWhereBothRequire() throws Exception {
        levels("Require", "Require");
        Enrolled templates =
                enroll("templates", "--cep", TestServer.https(CEP_KERBEROS).toString());
        assertEquals(0, templates.code(), templates.out() + templates.err());
        assertTrue(templates.out().contains("template User ("), templates.out());

        Enrolled unbound =
                enroll("templates", "--cep", TestServer.https(CEP_KERBEROS).toString(), "--channel-binding", "off");
        assertFalse(unbound.code() == 0, "an unbound enroll must be refused: " + unbound.out() + unbound.err());

        Enrolled issued = enroll(
                "request",
                "--cep",
                TestServer.https(CEP_KERBEROS).toString(),
                "--template",
                "User",
                "--out",
                work.resolve("alice-user").toString());
        assertEquals(0, issued.code(), issued.out() + issued.err());
        assertTrue(Files.exists(work.resolve("alice-user.crt")), issued.out() + issued.err());
    }

    record Enrolled(int code, String out, String err) {}

    private static Enrolled enroll(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of(
                "--auth",
                "kerberos",
                "--principal",
                "alice@LAB.EXAMPLE",
                "--password-env",
                "ALICE_PW",
                "--krb5-conf",
                krb5().toString(),
                "--ca-file",
                TestServer.tlsDir().resolve("ca.crt").toString(),
                "--no-cache"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment env = new Environment(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("ALICE_PW", "Alice-Lab-Pw-1"),
                Optional.empty(),
                Clock.systemUTC(),
                new SecureRandom(),
                work,
                d -> {});
        int code = Enroll.run(a, env);
        return new Enrolled(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static boolean pythonGssapi() throws Exception {
        boolean available = new ProcessBuilder("/usr/bin/python3", "-c", "import gssapi")
                        .start()
                        .waitFor()
                == 0;
        if (!available && "1".equals(System.getenv("CEWS_REQUIRE_GSSAPI"))) {
            throw new AssertionError("CEWS_REQUIRE_GSSAPI=1 but /usr/bin/python3 cannot import gssapi");
        }
        return available;
    }

    /** A token from MIT krb5 (it/src/test/python/mit_negotiate.py) with alice's kinit ticket. */
    private static String mit(String mech, String applicationDataHex) throws Exception {
        Path script =
                Path.of(System.getProperty("cews.deploy.dir"), "..", "it", "src", "test", "python", "mit_negotiate.py");
        Process p = AuthenticationIT.withKerberos(
                        new ProcessBuilder("/usr/bin/python3", script.toString(), mech, applicationDataHex),
                        krb5(),
                        ccache)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "mit_negotiate.py: " + out + err);
        return out;
    }

    /** curl --negotiate with alice's kinit ticket: the body, then a line with the HTTP status. */
    private static String curl(String path) throws Exception {
        return AuthenticationIT.curlNegotiate(path, ccache, work);
    }
}
