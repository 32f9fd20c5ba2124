package org.cews.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.auth.ClientCredentials;
import org.cews.client.auth.TlsContext;
import org.cews.client.soap.MessageIds;
import org.cews.client.soap.SoapResponse;
import org.cews.client.wstep.EnrollmentOutcome;
import org.cews.client.wstep.RequestSecurityToken;
import org.cews.client.wstep.RstrcReader;

/**
 * A client of the deployed CES: the {@code client/} library's RequestSecurityToken (Issue, the
 * PKCS#10 in the BinarySecurityToken) with its credentials' SOAP headers (a UsernameToken) or TLS
 * client certificate, POSTed with the JDK's HTTP client over HTTPS/1.1 keep-alive; the answer read
 * with the library's RSTRC reader. One HTTP client per scenario: its connections are kept alive and
 * shared by the scenario's client threads, one connection per concurrent request.
 */
final class CesIssuer implements Issuer<CesIssuer.Answer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What the CES answered: the HTTP status and body. */
    record Answer(int status, byte[] body) {}

    private final HttpClient http;
    private final URI endpoint;
    private final ClientCredentials credentials;
    private final MessageIds ids;
    private final IssuedCheck check;

    CesIssuer(HttpClient http, URI endpoint, ClientCredentials credentials, MessageIds ids, IssuedCheck check) {
        this.http = http;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.ids = ids;
        this.check = check;
    }

    /** An HTTP/1.1 client that trusts {@code trust} (PEM) and presents the credentials' certificate, if any. */
    static HttpClient http(java.nio.file.Path trust, ClientCredentials credentials) throws ClientException {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TlsContext.create(Optional.of(trust), credentials.keyManagers()))
                .build();
    }

    @Override
    public Answer send(RequestSet.Entry entry) throws Exception {
        byte[] envelope = RequestSecurityToken.issue(
                endpoint,
                ids.urn(),
                entry.request().request(),
                RequestSecurityToken.RequestFormat.PKCS10,
                credentials.soapHeaders());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public Optional<String> check(Answer answer, RequestSet.Entry entry) {
        if (answer.status() != 200 && answer.status() != 500) {
            return Optional.of("HTTP " + answer.status());
        }
        try {
            SoapResponse soap = SoapResponse.read(answer.body(), endpoint.toString());
            if (soap instanceof SoapResponse.Fault f) {
                return Optional.of("HTTP " + answer.status() + " fault "
                        + f.fault().codes() + ": " + f.fault().reason());
            }
            EnrollmentOutcome outcome = RstrcReader.read(((SoapResponse.Payload) soap).element(), endpoint.toString());
            if (!(outcome instanceof EnrollmentOutcome.Issued issued)) {
                return Optional.of("not issued: " + outcome.getClass().getSimpleName());
            }
            return check.certificateProblem(issued.certificate(), entry.publicKey());
        } catch (ClientException e) {
            return Optional.of("HTTP " + answer.status() + ", unreadable answer: " + e.getMessage());
        }
    }
}
