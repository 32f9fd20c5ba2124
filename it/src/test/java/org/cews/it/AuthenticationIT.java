package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint on the one HTTPS port takes exactly its mode, at the transport: Kerberos
 * endpoints challenge with Negotiate (keeping the connection open) and accept SPNEGO and bare
 * Kerberos tokens from the lab's KDC; Certificate endpoints need a client certificate; the
 * UsernamePassword endpoints never challenge (docs/AUTHENTICATION.md).
 */
class AuthenticationIT {

    static final String CEP_KERBEROS = "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
    static final String CEP_PASSWORD = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";
    static final String CEP_CERTIFICATE = "/ADPolicyProvider_CEP_Certificate/service.svc/CEP";
    static final String CEP_KBR = "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP";
    static final String BODY = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>";

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
            }
        }
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

    @Test
    void certificateEndpointsWithoutACertificateAre403AndNeverChallenge() throws Exception {
        for (String path : new String[] {CEP_CERTIFICATE, CEP_KBR, ces("Certificate")}) {
            try (RawHttps http = new RawHttps(null)) {
                RawHttps.Response refused = http.post(path, null, BODY);
                assertEquals(403, refused.status(), path);
                assertTrue(refused.body().startsWith("SOAP0502 "), refused.body());
                assertTrue(
                        refused.header("WWW-Authenticate").isEmpty(),
                        refused.headers().toString());
                // A Kerberos caller is no certificate holder.
                RawHttps.Response kerberos =
                        http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), BODY);
                assertEquals(403, kerberos.status(), path);
            }
        }
    }

    @Test
    void aCertificateHolderOnTheKerberosEndpointIsChallengedNotRefused() throws Exception {
        KeyManager[] keys = TestCertificates.client(
                TestCertificates.developmentCa(),
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

    @Test
    void usernamePasswordEndpointsNeverChallenge() throws Exception {
        for (String path : new String[] {CEP_PASSWORD, ces("UsernamePassword")}) {
            try (RawHttps http = new RawHttps(null)) {
                RawHttps.Response response = http.post(path, null, BODY);
                assertNotEquals(401, response.status(), path);
                assertTrue(
                        response.header("WWW-Authenticate").isEmpty(),
                        response.headers().toString());
            }
        }
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

    /** Past authentication: not 401 or 403, and the final (mutual authentication) token returned. */
    static void assertAuthenticated(String path, RawHttps.Response answer) {
        assertNotEquals(401, answer.status(), path + " " + answer.body());
        assertNotEquals(403, answer.status(), path + " " + answer.body());
        assertTrue(
                answer.header("WWW-Authenticate").orElse("").startsWith("Negotiate "),
                path + " final token: " + answer.headers());
    }
}
