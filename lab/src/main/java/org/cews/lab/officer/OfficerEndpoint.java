package org.cews.lab.officer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cews.lab.LabRealm;
import org.cews.lab.ca.LabCa;
import org.cews.lab.ca.OfficerChoice;

/**
 * The lab CA's officer, over HTTP on 127.0.0.1 only: what certutil -resubmit and -deny do on an AD
 * CS host through [MS-CSRA] ICertAdminD::ResubmitRequest and DenyRequest, for requests the CA
 * pended (disposition under submission):
 *
 * <pre>
 * GET  /pending[?ca=NAME]               200, JSON array of {ca, requestId, requester, template, submitted}
 * POST /requests/{id}/approve[?ca=NAME] 200 {"ca":"Lab-Issuing-CA","requestId":7,"result":"approved"}
 * POST /requests/{id}/deny[?ca=NAME]    200 {"ca":"Lab-Issuing-CA","requestId":7,"result":"denied"}
 * </pre>
 *
 * Request IDs are per CA; {@code ca} names the CA, as certutil's {@code -config host\CA} does
 * ({@link OfficerChoice}). Without it a lab with one CA acts as always, and one with several acts
 * at the only CA with the ID pending; refusals, with nothing changed: 404 the request is not
 * pending or no CA has that name (the message lists the CAs), 409 the ID is pending at several
 * CAs (the message lists them), 400 a query other than one {@code ca}. The officer's name for the
 * CA's records is the {@code X-Officer} header, else "officer".
 *
 * <p>Every request must carry the lab's {@link OfficerToken} ({@code Authorization: Bearer
 * <token>}, the token from {@code officer.token} in the state directory): without it, 401 and
 * nothing listed or changed. Loopback alone is no protection on a shared host (issue 11 item 7).
 */
public final class OfficerEndpoint implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OfficerEndpoint.class.getName());
    private static final Pattern DECISION = Pattern.compile("/requests/(\\d{1,9})/(approve|deny)");

    private final HttpServer server;
    private final ExecutorService executor;
    private final LabCa ca;
    private final OfficerToken token;

    private OfficerEndpoint(HttpServer server, ExecutorService executor, LabCa ca, OfficerToken token) {
        this.server = server;
        this.executor = executor;
        this.ca = ca;
        this.token = token;
    }

    /** Listens on 127.0.0.1:{@code port} (0: the OS chooses), for callers that show {@code token}. */
    public static OfficerEndpoint start(LabCa ca, int port, OfficerToken token) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName(LabRealm.LOOPBACK), port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lab-officer");
            t.setDaemon(true);
            return t;
        });
        OfficerEndpoint endpoint = new OfficerEndpoint(server, executor, ca, token);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0701 officer endpoint on http://{0}:{1,number,#}/",
                LabRealm.LOOPBACK,
                endpoint.port());
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (BadQuery e) {
                reply(exchange, 400, Json.error(e.getMessage()));
            } catch (OfficerChoice.Refused e) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "LAB0705 officer command refused, nothing changed: {0}",
                        e.getMessage());
                reply(
                        exchange,
                        e.reason() == OfficerChoice.Refused.Reason.AMBIGUOUS ? 409 : 404,
                        Json.error(e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "LAB0704 officer request failed", e);
        }
    }

    private void route(HttpExchange exchange) throws IOException, BadQuery, OfficerChoice.Refused {
        if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "LAB0706 officer request refused: {0} {1} without the officer token, from {2}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRemoteAddress());
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"lab officer\"");
            reply(
                    exchange,
                    401,
                    Json.error("the officer token is required: Authorization: Bearer <the token in " + OfficerToken.FILE
                            + " of the lab's state directory>"));
            return;
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher decision = DECISION.matcher(path);
        if (path.equals("/pending")) {
            if (!method.equals("GET")) {
                reply(exchange, 405, Json.error("use GET"));
                return;
            }
            Optional<String> caName = caName(exchange);
            reply(
                    exchange,
                    200,
                    Json.pending(OfficerChoice.authority(ca, caName).pending()));
        } else if (decision.matches()) {
            if (!method.equals("POST")) {
                reply(exchange, 405, Json.error("use POST"));
                return;
            }
            decide(
                    exchange,
                    Integer.parseInt(decision.group(1)),
                    decision.group(2).equals("approve"),
                    caName(exchange));
        } else {
            reply(exchange, 404, Json.error("no such resource: " + path));
        }
    }

    private void decide(HttpExchange exchange, int requestId, boolean approve, Optional<String> caName)
            throws IOException, OfficerChoice.Refused {
        String officer = exchange.getRequestHeaders().getFirst("X-Officer");
        officer = officer == null || officer.isBlank() ? "officer" : officer;
        LabCa holder = OfficerChoice.holder(ca, caName, requestId);
        boolean done = approve ? holder.approve(requestId, officer) : holder.deny(requestId, officer);
        String result = approve ? "approved" : "denied";
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0702 officer {0}: request {1,number,#} at {2} {3}",
                officer,
                requestId,
                holder.name(),
                done ? result : "not pending, unchanged");
        if (done) {
            reply(exchange, 200, Json.decision(holder.name(), requestId, result));
        } else {
            reply(exchange, 404, Json.error("request " + requestId + " is not pending at " + holder.name()));
        }
    }

    /** The query's {@code ca}, if any: the only parameter there may be, once, not empty. */
    private static Optional<String> caName(HttpExchange exchange) throws BadQuery {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = Optional.empty();
        for (String parameter : query.split("&", -1)) {
            int eq = parameter.indexOf('=');
            String key = eq < 0 ? parameter : parameter.substring(0, eq);
            String value;
            try {
                value = eq < 0 ? "" : URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadQuery("query parameter " + key + " (expected: URL-encoded, actual: " + parameter + ")");
            }
            if (!key.equals("ca")) {
                throw new BadQuery("query parameter (expected: ca, actual: " + key + ")");
            }
            if (name.isPresent() || value.isBlank()) {
                throw new BadQuery("query parameter ca (expected: one CA name, actual: " + query + ")");
            }
            name = Optional.of(value);
        }
        return name;
    }

    /** A query the endpoint does not take. */
    private static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message);
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.log(System.Logger.Level.INFO, "LAB0703 officer endpoint stopped");
    }
}
