package org.cews.it.samba;

import static org.cews.it.AuthenticationIT.BODY;
import static org.cews.it.AuthenticationIT.CEP_CERTIFICATE;
import static org.cews.it.AuthenticationIT.CEP_KBR;
import static org.cews.it.AuthenticationIT.CEP_KERBEROS;
import static org.cews.it.AuthenticationIT.CEP_PASSWORD;
import static org.cews.it.AuthenticationIT.assertAuthenticated;
import static org.cews.it.AuthenticationIT.assertFailedAuthentication;
import static org.cews.it.AuthenticationIT.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import org.cews.it.KerberosClient;
import org.cews.it.RawHttps;
import org.cews.it.TestCertificates;
import org.cews.lab.LabAccounts;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 against real AD: every endpoint of the WildFly of the {@link SambaForest} takes exactly
 * its mode with credentials of a Samba AD DC loaded with the lab forest, and refuses the others:
 * Kerberos tickets from Samba's KDC (a JDK GSS client, SPNEGO and bare Kerberos, and {@code curl
 * --negotiate} after MIT's kinit) accepted with the {@code HTTP/localhost} keytab samba-tool
 * exported; UsernameTokens checked by Samba (the services read it over plain LDAP, sealed: the
 * password by a Kerberos login and sealed bind as the user), a wrong password refused with the
 * KDC's reason, repeated failures rate-limited; client certificates mapped by SID
 * extension, UPN and DNS name to Samba's accounts; the caller's SIDs from Samba's tokenGroups. A
 * ticket for the same name from the lab's KDC (another key) is refused.
 *
 * <p>As in {@link org.cews.it.AuthenticationIT}, a request that gets through carries an Action no
 * endpoint serves and is answered with the SOAP0107 fault; the audit log names the account.
 */
@ExtendWith(SambaForest.Extension.class)
class SambaAuthenticationIT {

    static final String ALICE_SID = LabForest.ALICE.toString();
    static final String BOB_SID = LabForest.BOB.toString();
    static final String WEB01_SID = LabForest.WEB01.toString();

    static SambaForest forest;
    static int port;
    static LabAccounts accounts;
    static KerberosClient alice;
    static String ca;

    @BeforeAll
    static void start(SambaForest shared) throws Exception {
        forest = shared;
        port = forest.wildfly().https("/").getPort();
        accounts = LabAccounts.load();
        alice = KerberosClient.login("alice", password("alice"), forest.krb5Conf());
        ca = forest.caName();
    }

    static String password(String sam) {
        return accounts.requireUser(sam).password();
    }

    static String ces(String mode) {
        return "/ces/" + ca + "_CES_" + mode + "/service.svc/CES";
    }

    RawHttps http(KeyManager[] keys) throws Exception {
        return new RawHttps(keys, port);
    }

    // ---- Kerberos, from Samba's KDC

    @Test
    void ticketsFromSambasKdcPassAfterTheChallengeSpnegoAndBareKerberos() throws Exception {
        for (String path : List.of(CEP_KERBEROS, ces("Kerberos"))) {
            try (RawHttps http = http(null)) {
                RawHttps.Response challenge = http.post(path, null, BODY);
                assertEquals(401, challenge.status(), path);
                assertEquals("Negotiate", challenge.header("WWW-Authenticate").orElse(""), path);
                assertTrue(http.open(), "the connection survives the 401");
                RawHttps.Response answer =
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY);
                assertAuthenticated(path, answer);
                assertTrue(
                        answer.header("WWW-Authenticate").orElse("").startsWith("Negotiate "),
                        path + " final token: " + answer.headers());
            }
            try (RawHttps http = http(null)) {
                assertAuthenticated(
                        path + " (bare Kerberos)",
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.KRB5), BODY));
            }
        }
        assertAudit("caller LAB\\alice (" + ALICE_SID + ") mapped from alice@LAB.EXAMPLE by Kerberos");
    }

    /**
     * The lab's KDC has a realm of the same name and an {@code HTTP/localhost} of its own: its
     * ticket is sealed with another key, and the Samba-configured server refuses it.
     */
    @Test
    void aTicketFromAnotherKdcOfTheSameNameIsRefused() throws Exception {
        Path labKrb5 = Path.of(System.getProperty("cews.lab.dir")).resolve("krb5.conf");
        String foreign;
        try {
            foreign = KerberosClient.login("alice", password("alice"), labKrb5).firstToken(KerberosClient.SPNEGO);
        } finally {
            // Back to Samba's KDC for the JVM (the login refreshes the JVM's Kerberos configuration).
            alice = KerberosClient.login("alice", password("alice"), forest.krb5Conf());
        }
        try (RawHttps http = http(null)) {
            RawHttps.Response refused = http.post(CEP_KERBEROS, "Negotiate " + foreign, BODY);
            assertNotEquals(500, refused.status(), refused.body());
            assertFalse(refused.body().contains("SOAP0107"), refused.body());
            assertTrue(refused.status() == 401 || refused.status() == 403, refused.status() + " " + refused.body());
        }
    }

    @Test
    void curlNegotiateWithATicketFromSambasKdc() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "samba-curl");
        Map<String, String> env =
                Map.of("KRB5_CONFIG", forest.krb5Conf().toString(), "KRB5CCNAME", "FILE:" + work.resolve("ccache"));
        String kinit = run(env, password("alice") + "\n", "kinit", "alice@" + SambaForest.REALM);
        assertTrue(kinit.endsWith("\n0"), "kinit: " + kinit);
        Path body = Files.writeString(work.resolve("body.xml"), BODY);
        String out = run(
                env,
                "",
                "curl",
                "-sS",
                "--negotiate",
                "-u",
                ":",
                "--cacert",
                Path.of(System.getProperty("cews.server.base"), "configuration/cews/tls/ca.crt")
                        .toString(),
                "-H",
                "Content-Type: application/soap+xml; charset=utf-8",
                "--data-binary",
                "@" + body,
                "-w",
                "\n%{http_code}",
                forest.wildfly().https(CEP_KERBEROS).toString());
        assertTrue(out.contains("SOAP0107") && out.contains("\n500\n0"), out);
    }

    /** Runs a command with {@code env} and {@code input}; returns its output, a line, its exit code. */
    private static String run(Map<String, String> env, String input, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("KRB5_CLIENT_KTNAME");
        Process p = builder.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return out + "\n" + p.exitValue();
    }

    // ---- UsernameToken, checked against Samba's directory

    @Test
    void usernameTokensAreCheckedBySambaInEveryNameForm() throws Exception {
        for (String path : List.of(CEP_PASSWORD, ces("UsernamePassword"))) {
            for (String user : List.of("alice@lab.example", "LAB\\alice", "alice")) {
                try (RawHttps http = http(null)) {
                    RawHttps.Response response = http.post(path, null, envelope(user, password("alice")));
                    assertAuthenticated(path + " " + user, response);
                    assertTrue(
                            response.header("WWW-Authenticate").isEmpty(),
                            response.headers().toString());
                }
            }
        }
        assertAudit("caller LAB\\alice (" + ALICE_SID + ") mapped from alice@lab.example by UsernameToken");
    }

    /**
     * The services read Samba over plain LDAP, sealed (it-samba.cli), where Samba refuses simple
     * binds: the password is checked by a Kerberos login as the user and a sealed bind, which
     * Samba's audit log shows. bob's password may be remembered from an earlier test (the
     * password cache, docs/AUTHENTICATION.md §3.1); a refusal forgets it, so one wrong password
     * first makes the right one go to the directory again.
     */
    @Test
    void aPasswordIsCheckedByTheUsersOwnSealedKerberosBind() throws Exception {
        try (RawHttps http = http(null)) {
            assertFailedAuthentication(
                    CEP_PASSWORD, http.post(CEP_PASSWORD, null, envelope("LAB\\bob", "not-bobs")), "SOAP0201");
        }
        long mark = forest.samba().auditMark();
        try (RawHttps http = http(null)) {
            assertAuthenticated(CEP_PASSWORD, http.post(CEP_PASSWORD, null, envelope("LAB\\bob", password("bob"))));
        }
        List<SambaLabDc.Authorization> binds = forest.samba().authorizationsSince(mark);
        assertTrue(binds.contains(new SambaLabDc.Authorization("LDAP", "krb5", "SEAL", "bob")), binds.toString());
        assertFalse(binds.stream().anyMatch(a -> a.authType().equals("simple bind")), binds.toString());
    }

    @Test
    void aWrongPasswordIsRefusedBySambaWithAFault() throws Exception {
        for (String path : List.of(CEP_PASSWORD, ces("UsernamePassword"))) {
            try (RawHttps http = http(null)) {
                assertFailedAuthentication(
                        path, http.post(path, null, envelope("bob@lab.example", "not-bobs")), "SOAP0201");
            }
        }
        assertLog("SOAP0514 the password of bob@lab.example was refused by the directory: invalid credentials"
                + " (Kerberos login as bob@LAB.EXAMPLE with a password failed:"
                + " Pre-authentication information was invalid (24))");
    }

    @Test
    void repeatedFailuresAreRateLimitedThenTheRightPasswordIsRefusedToo() throws Exception {
        try (RawHttps http = http(null)) {
            for (int i = 0; i < 5; i++) {
                assertFailedAuthentication(
                        CEP_PASSWORD, http.post(CEP_PASSWORD, null, envelope("carol", "guess-" + i)), "SOAP0201");
            }
            assertFailedAuthentication(
                    CEP_PASSWORD,
                    http.post(CEP_PASSWORD, null, envelope("carol@lab.example", password("carol"))),
                    "SOAP0202");
        }
    }

    // ---- Client certificates, mapped to Samba's accounts

    @Test
    void certificatesMapToSambasAccountsBySidExtensionByUpnAndByDnsName() throws Exception {
        record Case(TestCertificates.Spec spec, String audit) {}
        List<Case> cases = List.of(
                new Case(
                        TestCertificates.Spec.subject("CN=sid-" + UUID.randomUUID())
                                .sid(ALICE_SID),
                        "caller LAB\\alice (" + ALICE_SID + ") mapped from CN=sid-"),
                new Case(
                        TestCertificates.Spec.subject("CN=upn-" + UUID.randomUUID())
                                .upn("bob@lab.example"),
                        "caller LAB\\bob (" + BOB_SID + ") mapped from CN=upn-"),
                new Case(
                        TestCertificates.Spec.subject("CN=dns-" + UUID.randomUUID())
                                .dns("web01.lab.example"),
                        "caller LAB\\WEB01$ (" + WEB01_SID + ") mapped from CN=dns-"));
        for (Case c : cases) {
            KeyManager[] keys = TestCertificates.fromDevelopmentCa(c.spec());
            for (String path : List.of(CEP_CERTIFICATE, ces("Certificate"))) {
                try (RawHttps http = http(keys)) {
                    assertAuthenticated(path + " " + c.spec().subject(), http.post(path, null, BODY));
                }
            }
            assertAudit(c.audit() + c.spec().subject().substring(7));
        }
        assertAudit("by certificate SID extension");
        assertAudit("by certificate UPN bob@lab.example");
        assertAudit("by certificate DNS name web01.lab.example");
    }

    @Test
    void aCertificateSambaKnowsNoAccountForIsRefusedExceptOnKeyBasedRenewal() throws Exception {
        KeyManager[] keys = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=nobody-samba,O=cews").upn("nobody@lab.example"));
        try (RawHttps http = http(keys)) {
            RawHttps.Response refused = http.post(CEP_CERTIFICATE, null, BODY);
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().startsWith("SOAP0205 "), refused.body());
            assertAuthenticated(CEP_KBR, http.post(CEP_KBR, null, BODY));
        }
    }

    // ---- Every endpoint refuses every other mode

    @Test
    void everyEndpointRefusesTheOtherModesCredentials() throws Exception {
        KeyManager[] aliceCert =
                TestCertificates.fromDevelopmentCa(TestCertificates.Spec.subject("CN=alice-samba-other-modes,O=cews")
                        .sid(ALICE_SID));
        String goodToken = envelope("alice@lab.example", password("alice"));
        try (RawHttps http = http(aliceCert)) {
            for (String path : List.of(CEP_KERBEROS, ces("Kerberos"))) {
                RawHttps.Response r = http.post(path, null, goodToken);
                assertEquals(401, r.status(), path);
                assertEquals("Negotiate", r.header("WWW-Authenticate").orElse(""));
            }
        }
        for (String path : List.of(CEP_PASSWORD, ces("UsernamePassword"))) {
            try (RawHttps http = http(aliceCert)) {
                assertFailedAuthentication(path, http.post(path, null, BODY), "SOAP0201");
                assertFailedAuthentication(
                        path,
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY),
                        "SOAP0201");
            }
        }
        for (String path : List.of(CEP_CERTIFICATE, CEP_KBR, ces("Certificate"))) {
            try (RawHttps http = http(null)) {
                RawHttps.Response token = http.post(path, null, goodToken);
                assertEquals(403, token.status(), path);
                assertTrue(token.body().startsWith("SOAP0502 "), token.body());
                assertEquals(
                        403,
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY)
                                .status(),
                        path);
            }
        }
    }

    static void assertAudit(String text) throws IOException {
        String audit = Files.readString(forest.wildflyLog("cews-audit.log"));
        assertTrue(audit.contains(text), "audit log has: " + text);
    }

    static void assertLog(String text) throws IOException {
        String log = Files.readString(forest.wildflyLog("server.log"));
        assertTrue(log.contains(text), "server log has: " + text);
    }
}
