package org.cews.client.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.Failure;
import org.cews.client.auth.ClientCredentials;
import org.cews.client.auth.TlsContext;
import org.cews.client.soap.SoapResponse;

/**
 * POSTs SOAP 1.2 envelopes over HTTPS with the JDK's HTTP client ({@code application/soap+xml;
 * charset=utf-8}, no SOAPAction: [MS-XCEP] 2.1, [MS-WSTEP] 2.1) and sorts what comes back: a SOAP
 * answer (HTTP 200, or a Fault with HTTP 500), an endpoint that cannot be used now (no connection,
 * HTTP 503: {@link Failure#UNREACHABLE}, so the caller tries the next URI), refused credentials,
 * or something else. Kerberos answers the HTTP 401 Negotiate challenge once (RFC 4559 §5).
 */
public final class SoapTransport {
    private static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private final HttpClient http;
    private final ClientCredentials credentials;
    private final Trace trace;
    private final Duration timeout;

    public SoapTransport(HttpClient http, ClientCredentials credentials, Trace trace, Duration timeout) {
        this.http = http;
        this.credentials = credentials;
        this.trace = trace;
        this.timeout = timeout;
    }

    /** A transport with TLS trust from {@code caFile} (else the JVM's) and the credentials' client certificate. */
    public static SoapTransport create(
            ClientCredentials credentials, Optional<Path> caFile, Trace trace, Duration timeout)
            throws ClientException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TlsContext.create(caFile, credentials.keyManagers()))
                .build();
        return new SoapTransport(http, credentials, trace, timeout);
    }

    public ClientCredentials credentials() {
        return credentials;
    }

    public Trace trace() {
        return trace;
    }

    public SoapResponse post(URI uri, byte[] envelope) throws ClientException {
        trace.progress(ClientMessage.CONTACTING.format(uri));
        HttpResponse<byte[]> r = send(uri, envelope, Optional.empty());
        if (r.statusCode() == 401 && credentials.negotiates() && offersNegotiate(r)) {
            String token = Base64.getEncoder().encodeToString(credentials.negotiateToken(uri, serverCertificate(r)));
            r = send(uri, envelope, Optional.of("Negotiate " + token));
            if (r.statusCode() == 401) {
                throw new ClientException(ClientMessage.NEGOTIATE_REFUSED, uri);
            }
        }
        int status = r.statusCode();
        if (status == 401 || status == 403) {
            throw new ClientException(ClientMessage.CREDENTIALS_REFUSED, uri, status);
        }
        if (status == 503) {
            throw new ClientException(ClientMessage.SERVICE_UNAVAILABLE, uri);
        }
        if (status != 200 && status != 500) {
            throw new ClientException(ClientMessage.UNEXPECTED_STATUS, uri, status);
        }
        try {
            return SoapResponse.read(r.body(), uri.toString());
        } catch (ClientException e) {
            if (status == 500) {
                throw new ClientException(e, ClientMessage.UNEXPECTED_STATUS, uri, status);
            }
            throw e;
        }
    }

    /** The server's TLS certificate, for a channel binding: from the session the challenge came on. */
    private static Optional<X509Certificate> serverCertificate(HttpResponse<byte[]> r) {
        try {
            return r.sslSession()
                    .map(s -> {
                        try {
                            return s.getPeerCertificates();
                        } catch (SSLPeerUnverifiedException e) {
                            return new java.security.cert.Certificate[0];
                        }
                    })
                    .filter(c -> c.length > 0 && c[0] instanceof X509Certificate)
                    .map(c -> (X509Certificate) c[0]);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean offersNegotiate(HttpResponse<byte[]> r) {
        return r.headers().allValues("WWW-Authenticate").stream()
                .anyMatch(v -> v.regionMatches(true, 0, "Negotiate", 0, "Negotiate".length()));
    }

    private HttpResponse<byte[]> send(URI uri, byte[] envelope, Optional<String> authorization) throws ClientException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
        authorization.ifPresent(a -> b.header("Authorization", a));
        HttpRequest req = b.build();
        trace.request(
                uri, authorization.map(a -> Map.of("Authorization", List.of(a))).orElse(Map.of()), envelope);
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            trace.response(uri, r.statusCode(), r.headers().map(), r.body());
            return r;
        } catch (SSLException e) {
            throw new ClientException(e, ClientMessage.TLS_FAILED, uri, e.getMessage());
        } catch (IOException e) {
            if (e.getCause() instanceof SSLException ssl) {
                throw new ClientException(e, ClientMessage.TLS_FAILED, uri, ssl.getMessage());
            }
            throw new ClientException(e, ClientMessage.CONNECT_FAILED, uri, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(e, ClientMessage.CONNECT_FAILED, uri, "interrupted");
        }
    }

    /** The innermost cause that says something: {@code ConnectException: Connection refused}. */
    private static String describe(IOException e) {
        Throwable t = e;
        String best = e.getClass().getSimpleName();
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !m.equals(t.getClass().getName())) {
                best = t.getClass().getSimpleName() + ": " + m;
            }
        }
        if (best.equals("ConnectException")) {
            return "no connection (refused, or no route to the host)";
        }
        return best;
    }
}
