package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The one HTTPS listener asks every client for a certificate in the TLS handshake (want, not need;
 * configure-tls.cli), names the trusted CAs in that request, completes the handshake for a client
 * without one, and ends it for a certificate from a CA it does not trust.
 */
class ClientCertificateListenerIT {

    private static final String PAGE = "/ADPolicyProvider_CEP_Certificate/service.svc/CEP";

    private static HttpResponse<String> get(KeyManager[] clientKeys) throws Exception {
        return get(clientKeys, "TLSv1.3", "TLSv1.2");
    }

    private static HttpResponse<String> get(KeyManager[] clientKeys, String... protocols) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestServer.tls(clientKeys))
                .sslParameters(new SSLParameters(null, protocols))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return client.send(
                HttpRequest.newBuilder(TestServer.https(PAGE))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void handshakeAsksForACertificateNamingTheTrustedCaAndCompletesWithoutOne() throws Exception {
        RecordingKeyManager recorder = new RecordingKeyManager();

        // TLS 1.2: the CertificateRequest message itself lists the CA names.
        HttpResponse<String> response = get(new KeyManager[] {recorder}, "TLSv1.2");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(
                recorder.issuers.contains(
                        TestServer.developmentCa().getSubjectX500Principal().getName()),
                "CertificateRequest names the development CA: " + recorder.issuers);
    }

    @Test
    void certificateFromAnUntrustedCaEndsTheHandshake() throws Exception {
        TestCertificates.Issuer rogue = TestCertificates.rogueCa("CN=rogue CA");
        KeyManager[] keys = TestCertificates.alwaysPresent(
                TestCertificates.client(rogue, TestCertificates.Spec.subject("CN=alice")));
        assertThrows(IOException.class, () -> get(keys, "TLSv1.2"));
        assertThrows(IOException.class, () -> get(keys, "TLSv1.3"));
    }

    @Test
    void certificateFromTheTrustedCaCompletesTheHandshake() throws Exception {
        KeyManager[] keys = TestCertificates.fromDevelopmentCa(TestCertificates.Spec.subject("CN=alice,O=cews"));

        HttpResponse<String> response = get(keys);

        assertEquals(200, response.statusCode(), response.body());
    }

    /** Presents no certificate; records the CA names of the server's CertificateRequest. */
    static final class RecordingKeyManager extends TestCertificates.ClientKeyManager {
        final List<String> issuers = new CopyOnWriteArrayList<>();

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            for (Principal p : issuers == null ? new Principal[0] : issuers) {
                this.issuers.add(new javax.security.auth.x500.X500Principal(p.getName()).getName());
            }
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }
}
