package org.cews.lab.officer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.cews.lab.ca.CaNames;
import org.cews.lab.ca.LabCa;
import org.cews.lab.ca.revocation.CaRevocation;
import org.cews.lab.ca.revocation.OcspResponder;

/**
 * What an AD CS host publishes over plain HTTP for anyone, without the officer token: each CA's
 * base CRL at its CRL distribution point, as IIS serves the CertEnroll folder, and its OCSP
 * responder (AD CS's Online Responder role):
 *
 * <pre>
 * GET  /CertEnroll/{CA}.crl       200 application/pkix-crl ([RFC 5280] §5, DER)
 * POST /ocsp/{CA}                 200 application/ocsp-response ([RFC 6960] Appendix A.1)
 * GET  /ocsp/{CA}/{base64 request} the same, the request base64 and URL-encoded in the path
 * </pre>
 *
 * An unknown CA or path is 404, another method 405; an OCSP request that does not decode gets
 * the responder's malformedRequest answer (200, as RFC 6960 Appendix A.1 has it).
 */
final class Publication {

    static final String CRL_PATH = "/CertEnroll/";
    static final String OCSP_PATH = "/ocsp/";
    private static final int MAX_REQUEST = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(Publication.class.getName());

    private final LabCa engine;
    private final java.time.Clock clock;

    Publication(LabCa engine, java.time.Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    void crl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                reply(exchange, 405, "text/plain", "use GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String file = path.substring(CRL_PATH.length());
            Optional<CaRevocation> ca =
                    file.endsWith(".crl") ? authority(file.substring(0, file.length() - 4)) : Optional.empty();
            if (ca.isEmpty()) {
                reply(exchange, 404, "text/plain", ("no CRL at " + path + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            reply(exchange, 200, "application/pkix-crl", ca.get().crl());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "LAB0707 CRL request failed", e);
        }
    }

    void ocsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rest = exchange.getRequestURI().getRawPath().substring(OCSP_PATH.length());
            int slash = rest.indexOf('/');
            String name = URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
            Optional<CaRevocation> ca = authority(name);
            if (ca.isEmpty()) {
                reply(
                        exchange,
                        404,
                        "text/plain",
                        ("no OCSP responder for " + name + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] request;
            if (exchange.getRequestMethod().equals("POST") && slash < 0) {
                try (InputStream in = exchange.getRequestBody()) {
                    request = in.readNBytes(MAX_REQUEST + 1);
                }
            } else if (exchange.getRequestMethod().equals("GET") && slash >= 0) {
                String encoded = URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
                try {
                    request = Base64.getDecoder().decode(encoded);
                } catch (IllegalArgumentException e) {
                    request = new byte[0];
                }
            } else {
                reply(
                        exchange,
                        405,
                        "text/plain",
                        "POST /ocsp/{CA} or GET /ocsp/{CA}/{request}\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] answer =
                    new OcspResponder(ca.get(), clock).answer(request.length > MAX_REQUEST ? new byte[0] : request);
            reply(exchange, 200, "application/ocsp-response", answer);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "LAB0708 OCSP request failed", e);
        }
    }

    private Optional<CaRevocation> authority(String name) {
        return engine.authorities().stream()
                .filter(ca -> CaNames.accepts(name, ca.name()))
                .flatMap(ca -> ca.revocation().stream())
                .findFirst();
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
