package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint on the one HTTPS port takes exactly its mode, end to end through the SOAP front
 * door and the caller authenticator, with real credentials of the tier's lab (its KDC, its
 * directory) and certificates from the development TLS CA (docs/AUTHENTICATION.md):
 *
 * <ul>
 *   <li>Kerberos endpoints challenge with Negotiate, keep the connection open, accept SPNEGO and
 *       bare Kerberos tokens from a JDK GSS client and from {@code curl --negotiate}, refuse NTLM;
 *   <li>UsernamePassword endpoints never challenge; a right password passes, a wrong one is a
 *       FailedAuthentication fault, repeated failures are rate-limited;
 *   <li>Certificate endpoints map by SID extension, UPN and DNS name, refuse unmapped (except
 *       key-based renewal), expired and foreign-CA certificates;
 *   <li>each endpoint refuses the other modes' credentials.
 * </ul>
 *
 * A request that passes authentication carries an Action no endpoint serves, so the front door
 * answers it with the SOAP0107 fault: that fault is the proof the caller got through. Which
 * account a caller was mapped to is read from the audit log (SOAP0518).
 */
class AuthenticationIT {

    static final String CEP_KERBEROS = "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
    static final String CEP_PASSWORD = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";
    static final String CEP_CERTIFICATE = "/ADPolicyProvider_CEP_Certificate/service.svc/CEP";
    static final String CEP_KBR = "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP";

    static final String ALICE_SID = "S-1-5-21-2918375215-1429853364-3387426671-1104";
    static final String BOB_SID = "S-1-5-21-2918375215-1429853364-3387426671-1105";
    static final String WEB01_SID = "S-1-5-21-2918375215-1429853364-3387426671-1107";

    private static KerberosClient alice;
    private static String ca;

    @BeforeAll
    static void login() throws Exception {
        alice = KerberosClient.login("alice", "Alice-Lab-Pw-1");
        ca = TestServer.deployProperties().getProperty("cews.ca.name");
    }

    static String ces(String mode) {
        return "/ces/" + ca + "_CES_" + mode + "/service.svc/CES";
    }

    /** A SOAP 1.2 request with an Action nobody serves and, if given, a UsernameToken. */
    static String envelope(String user, String password) {
        String security = user == null
                ? ""
                : "<wsse:Security s:mustUnderstand=\"1\"><wsse:UsernameToken><wsse:Username>" + user
                        + "</wsse:Username><wsse:Password wsse:Type=\"http://docs.oasis-open.org/wss/2004/01/"
                        + "oasis-200401-wss-username-token-profile-1.0#PasswordText\">" + password
                        + "</wsse:Password><wsse:Nonce>" + Base64.getEncoder().encodeToString(new byte[16])
                        + "</wsse:Nonce><wsu:Created>2026-01-01T00:00:00Z</wsu:Created></wsse:UsernameToken>"
                        + "</wsse:Security>";
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\""
                + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<s:Header><a:Action s:mustUnderstand=\"1\">urn:cews:it:NoSuchOperation</a:Action>"
                + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>" + security + "</s:Header>"
                + "<s:Body><x:Ping xmlns:x=\"urn:cews:it\"/></s:Body></s:Envelope>";
    }

    static final String BODY = envelope(null, null);

    // ---- Kerberos

    @Test
    void kerberosEndpointChallengesThenAcceptsSpnegoOnTheSameConnection() throws Exception {
        for (String path : new String[] {CEP_KERBEROS, ces("Kerberos")}) {
            try (RawHttps http = new RawHttps(null)) {
                RawHttps.Response challenge = http.post(path, null, BODY);
                assertEquals(401, challenge.status(), path);
                assertEquals("Negotiate", challenge.header("WWW-Authenticate").orElse(""), path);
                assertFalse(
                        challenge.header("Connection").orElse("").equalsIgnoreCase("close"),
                        challenge.headers().toString());
                assertTrue(http.open(), "the connection survives the 401");

                RawHttps.Response answer =
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY);
                assertAuthenticated(path, answer);
                assertTrue(
                        answer.header("WWW-Authenticate").orElse("").startsWith("Negotiate "),
                        path + " final token: " + answer.headers());
            }
        }
        assertAudit("caller LAB\\alice (" + ALICE_SID + ") mapped from alice@LAB.EXAMPLE by Kerberos");
    }

    @Test
    void aBareKerberosTokenIsAcceptedToo() throws Exception {
        try (RawHttps http = new RawHttps(null)) {
            RawHttps.Response answer =
                    http.post(CEP_KERBEROS, "Negotiate " + alice.firstToken(KerberosClient.KRB5), BODY);
            assertAuthenticated(CEP_KERBEROS, answer);
            // The reply token is a bare Kerberos AP-REP: [APPLICATION 0] with the Kerberos OID.
            byte[] reply = Base64.getDecoder()
                    .decode(answer.header("WWW-Authenticate").orElseThrow().substring(10));
            assertEquals(0x60, reply[0] & 0xff);
        }
    }

    @Test
    void curlNegotiateWithAKinitTicket() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cews-curl");
        String out = curlNegotiate(CEP_KERBEROS, kinitAlice(work), work);
        assertTrue(out.endsWith("\n500"), out);
        assertTrue(out.contains("SOAP0107"), out);
    }

    /** alice's tickets from the tier's lab KDC (kinit with her password) in a cache under {@code work}. */
    static Path kinitAlice(Path work) throws Exception {
        Path cache = work.resolve("ccache");
        Path krb5 = KerberosClient.labDir().resolve("krb5.conf");
        Process login = withKerberos(new ProcessBuilder("kinit", "alice@LAB.EXAMPLE"), krb5, cache)
                .start();
        login.getOutputStream().write("Alice-Lab-Pw-1\n".getBytes(StandardCharsets.UTF_8));
        login.getOutputStream().close();
        String kinitOut = new String(login.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(login.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, login.exitValue(), "kinit: " + kinitOut);
        return cache;
    }

    /**
     * {@code curl --negotiate} POSTing {@link #BODY} to {@code path} with the tickets in {@code cache};
     * returns what curl printed: the body, a line break and the HTTP status.
     */
    static String curlNegotiate(String path, Path cache, Path work) throws Exception {
        Path krb5 = KerberosClient.labDir().resolve("krb5.conf");
        Path body = work.resolve("body.xml");
        Files.writeString(body, BODY);
        Process curl = withKerberos(
                        new ProcessBuilder(
                                "curl",
                                "-sS",
                                "--negotiate",
                                "-u",
                                ":",
                                "--cacert",
                                TestServer.tlsDir().resolve("ca.crt").toString(),
                                "-H",
                                "Content-Type: application/soap+xml; charset=utf-8",
                                "--data-binary",
                                "@" + body,
                                "-w",
                                "\n%{http_code}",
                                TestServer.https(path).toString()),
                        krb5,
                        cache)
                .start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS), err);
        return out;
    }

    static ProcessBuilder withKerberos(ProcessBuilder builder, Path krb5, Path cache) {
        builder.environment().put("KRB5_CONFIG", krb5.toString());
        builder.environment().put("KRB5CCNAME", "FILE:" + cache);
        builder.environment().remove("KRB5_CLIENT_KTNAME");
        builder.redirectErrorStream(false);
        return builder;
    }

    @Test
    void ntlmInsideNegotiateIsRefused() throws Exception {
        // An NTLM NEGOTIATE_MESSAGE ([MS-NLMP] 2.2.1.1): signature, type 1, flags, empty fields.
        byte[] ntlm = new byte[40];
        System.arraycopy("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII), 0, ntlm, 0, 8);
        ntlm[8] = 1;
        ntlm[12] = (byte) 0x07;
        ntlm[13] = (byte) 0x82;
        ntlm[14] = (byte) 0x08;
        ntlm[15] = (byte) 0xa2;
        try (RawHttps http = new RawHttps(null)) {
            RawHttps.Response response =
                    http.post(CEP_KERBEROS, "Negotiate " + Base64.getEncoder().encodeToString(ntlm), BODY);
            assertEquals(403, response.status(), response.headers() + " " + response.body());
        }
    }

    @Test
    void pathsInAnyCaseAreGuarded() throws Exception {
        try (RawHttps http = new RawHttps(null)) {
            assertEquals(401, http.post(CEP_KERBEROS.toLowerCase(), null, BODY).status());
            assertEquals(
                    401,
                    http.post(ces("KERBEROS").toUpperCase().replace("/CES/", "/ces/"), null, BODY)
                            .status());
            assertEquals(
                    403, http.post(CEP_CERTIFICATE.toUpperCase(), null, BODY).status());
        }
    }

    // ---- UsernamePassword

    @Test
    void usernameTokenWithTheRightPasswordPassesInEveryNameForm() throws Exception {
        for (String path : new String[] {CEP_PASSWORD, ces("UsernamePassword")}) {
            for (String user : new String[] {"alice@lab.example", "LAB\\alice", "alice"}) {
                try (RawHttps http = new RawHttps(null)) {
                    RawHttps.Response response = http.post(path, null, envelope(user, "Alice-Lab-Pw-1"));
                    assertAuthenticated(path + " " + user, response);
                    assertTrue(
                            response.header("WWW-Authenticate").isEmpty(),
                            response.headers().toString());
                }
            }
        }
        assertAudit("caller LAB\\alice (" + ALICE_SID + ") mapped from alice@lab.example by UsernameToken");
    }

    @Test
    void usernameTokenWithAWrongPasswordIsAFaultNeverA401() throws Exception {
        for (String path : new String[] {CEP_PASSWORD, ces("UsernamePassword")}) {
            try (RawHttps http = new RawHttps(null)) {
                RawHttps.Response wrong = http.post(path, null, envelope("bob@lab.example", "not-bobs"));
                assertFailedAuthentication(path, wrong, "SOAP0201");
                RawHttps.Response none = http.post(path, null, BODY);
                assertFailedAuthentication(path, none, "SOAP0201");
            }
        }
        assertLog("SOAP0514 the password of bob@lab.example was refused by the directory");
    }

    @Test
    void repeatedFailuresAreRateLimitedThenTheRightPasswordIsRefusedToo() throws Exception {
        try (RawHttps http = new RawHttps(null)) {
            for (int i = 0; i < 5; i++) {
                assertFailedAuthentication(
                        CEP_PASSWORD, http.post(CEP_PASSWORD, null, envelope("carol", "guess-" + i)), "SOAP0201");
            }
            RawHttps.Response limited = http.post(CEP_PASSWORD, null, envelope("carol@lab.example", "Carol-Lab-Pw-1"));
            assertFailedAuthentication(CEP_PASSWORD, limited, "SOAP0202");
        }
    }

    // ---- Certificate

    @Test
    void certificatesMapBySidExtensionByUpnAndByDnsName() throws Exception {
        TestCertificates.Issuer dev = TestCertificates.developmentCa();
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
            KeyManager[] keys = TestCertificates.client(dev, c.spec());
            for (String path : new String[] {CEP_CERTIFICATE, ces("Certificate")}) {
                try (RawHttps http = new RawHttps(keys)) {
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
    void unmappedCertificateIsRefusedExceptOnKeyBasedRenewal() throws Exception {
        KeyManager[] keys = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=nobody,O=cews").upn("nobody@lab.example"));
        try (RawHttps http = new RawHttps(keys)) {
            RawHttps.Response refused = http.post(CEP_CERTIFICATE, null, BODY);
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().startsWith("SOAP0205 "), refused.body());
            assertAuthenticated(CEP_KBR, http.post(CEP_KBR, null, BODY));
        }
        assertLog(
                "SOAP0508 the client certificate O=cews,CN=nobody maps to no directory account (tried: UPN nobody@lab.example)");
    }

    @Test
    void expiredOrForeignCertificatesNeverGetThrough() throws Exception {
        Instant now = Instant.now();
        KeyManager[] expired = TestCertificates.alwaysPresent(
                TestCertificates.fromDevelopmentCa(TestCertificates.Spec.subject("CN=expired,O=cews")
                        .sid(ALICE_SID)
                        .validity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))));
        KeyManager[] foreign = TestCertificates.alwaysPresent(TestCertificates.client(
                TestCertificates.rogueCa("CN=Rogue Issuing CA"),
                TestCertificates.Spec.subject("CN=alice").sid(ALICE_SID).upn("alice@lab.example")));
        for (KeyManager[] keys : List.of(expired, foreign)) {
            try (RawHttps http = new RawHttps(keys)) {
                RawHttps.Response response = http.post(CEP_CERTIFICATE, null, BODY);
                fail("the TLS handshake must fail, but the server answered " + response.status());
            } catch (IOException refusedInTheHandshake) {
                // alert certificate_expired / certificate_unknown (TLS 1.2 in the handshake, TLS 1.3 at the first read)
            }
        }
    }

    // ---- The caller the rest of the product sees

    static final String GET_POLICIES = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">"
            + "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy/IPolicy/GetPolicies</a:Action>"
            + "<a:MessageID>urn:uuid:0d5c7c1e-3f7a-4a53-9b0e-6c1f2e8d4a11</a:MessageID></s:Header>"
            + "<s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<GetPolicies xmlns=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy\">"
            + "<client><lastUpdate xsi:nil=\"true\"/><preferredLanguage xsi:nil=\"true\"/></client>"
            + "<requestFilter xsi:nil=\"true\"/></GetPolicies></s:Body></s:Envelope>";

    @Test
    void thePolicyIsTheMappedAccountsWhateverTheMode() throws Exception {
        // alice (Web Server Enrollers) by Kerberos: WebServer, not the computers' Machine.
        try (RawHttps http = new RawHttps(null)) {
            RawHttps.Response kerberos =
                    http.post(CEP_KERBEROS, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), GET_POLICIES);
            assertEquals(200, kerberos.status(), kerberos.body());
            assertTrue(kerberos.body().contains("<commonName>WebServer</commonName>"), kerberos.body());
            assertFalse(kerberos.body().contains("<commonName>Machine</commonName>"), kerberos.body());
        }
        // The computer WEB01$ by a certificate with its DNS name: Machine, not WebServer.
        KeyManager[] web01 = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=web01.lab.example").dns("web01.lab.example"));
        try (RawHttps http = new RawHttps(web01)) {
            RawHttps.Response computer = http.post(CEP_CERTIFICATE, null, GET_POLICIES);
            assertEquals(200, computer.status(), computer.body());
            assertTrue(computer.body().contains("<commonName>Machine</commonName>"), computer.body());
            assertFalse(computer.body().contains("<commonName>WebServer</commonName>"), computer.body());
        }
    }

    // ---- Every endpoint refuses every other mode

    @Test
    void everyEndpointRefusesTheOtherModes() throws Exception {
        KeyManager[] aliceCert = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=alice-other-modes,O=cews").sid(ALICE_SID));
        String goodToken = envelope("alice@lab.example", "Alice-Lab-Pw-1");
        // Kerberos endpoints: a certificate or a UsernameToken gets the Negotiate challenge, no entry.
        try (RawHttps http = new RawHttps(aliceCert)) {
            for (String path : new String[] {CEP_KERBEROS, ces("Kerberos")}) {
                RawHttps.Response r = http.post(path, null, goodToken);
                assertEquals(401, r.status(), path);
                assertEquals("Negotiate", r.header("WWW-Authenticate").orElse(""));
            }
        }
        // UsernamePassword endpoints: a Kerberos ticket or a certificate without a token is a fault.
        for (String path : new String[] {CEP_PASSWORD, ces("UsernamePassword")}) {
            try (RawHttps http = new RawHttps(aliceCert)) {
                assertFailedAuthentication(path, http.post(path, null, BODY), "SOAP0201");
                assertFailedAuthentication(
                        path,
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY),
                        "SOAP0201");
            }
        }
        // Certificate endpoints: a Kerberos ticket or a UsernameToken without a certificate is 403.
        for (String path : new String[] {CEP_CERTIFICATE, CEP_KBR, ces("Certificate")}) {
            try (RawHttps http = new RawHttps(null)) {
                RawHttps.Response token = http.post(path, null, goodToken);
                assertEquals(403, token.status(), path);
                assertTrue(token.body().startsWith("SOAP0502 "), token.body());
                assertTrue(
                        token.header("WWW-Authenticate").isEmpty(),
                        token.headers().toString());
                RawHttps.Response kerberos =
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY);
                assertEquals(403, kerberos.status(), path);
            }
        }
    }

    @Test
    void aCertificateHolderOnTheKerberosEndpointIsChallengedNotRefused() throws Exception {
        KeyManager[] keys = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=alice,O=cews").upn("alice@lab.example"));
        try (RawHttps http = new RawHttps(keys)) {
            RawHttps.Response challenge = http.post(CEP_KERBEROS, null, BODY);
            assertEquals(401, challenge.status());
            assertEquals("Negotiate", challenge.header("WWW-Authenticate").orElse(""));
            assertAuthenticated(
                    CEP_KERBEROS,
                    http.post(CEP_KERBEROS, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY));
        }
    }

    /** Through authentication: the front door's fault for the unserved Action (SOAP0107). */
    static void assertAuthenticated(String what, RawHttps.Response answer) {
        assertEquals(500, answer.status(), what + " " + answer.status() + " " + answer.body());
        assertTrue(answer.body().contains("SOAP0107"), what + " " + answer.body());
    }

    /**
     * A UsernameToken refusal: a SOAP fault, never a 401 and never a bare Negotiate challenge. (A
     * request that carried a valid Negotiate token anyway gets Elytron's mutual-authentication
     * token back in WWW-Authenticate; that is no challenge, and the token still counts for nothing.)
     */
    static void assertFailedAuthentication(String what, RawHttps.Response answer, String id) {
        assertEquals(500, answer.status(), what + " " + answer.body());
        String negotiate = answer.header("WWW-Authenticate").orElse("Negotiate <none>");
        assertTrue(
                negotiate.startsWith("Negotiate ") && negotiate.length() > 10,
                answer.headers().toString());
        assertTrue(answer.body().contains("FailedAuthentication"), what + " " + answer.body());
        assertTrue(answer.body().contains(id), what + " " + answer.body());
    }

    static void assertAudit(String text) throws IOException {
        String audit = Files.readString(TestServer.BASE.resolve("log/cews-audit.log"));
        assertTrue(audit.contains(text), "audit log has: " + text);
    }

    static void assertLog(String text) throws IOException {
        String log = Files.readString(TestServer.BASE.resolve("log/server.log"));
        assertTrue(log.contains(text), "server log has: " + text);
    }
}
