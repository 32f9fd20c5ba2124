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
import org.cews.lab.ca.revocation.CaRevocation;
import org.cews.lab.ca.revocation.RevocationTarget;

/**
 * The lab CA's officer, over HTTP on 127.0.0.1 only: what certutil -resubmit and -deny do on an AD
 * CS host through [MS-CSRA] ICertAdminD::ResubmitRequest and DenyRequest, for requests the CA
 * pended (disposition under submission):
 *
 * <pre>
 * GET  /pending[?ca=NAME]               200, JSON array of {ca, requestId, requester, template, submitted}
 * POST /requests/{id}/approve[?ca=NAME] 200 {"ca":"Lab-Issuing-CA","requestId":7,"result":"approved"}
 * POST /requests/{id}/deny[?ca=NAME]    200 {"ca":"Lab-Issuing-CA","requestId":7,"result":"denied"}
 * POST /requests/{id}/revoke[?ca=NAME][&amp;reason=R]       200 {"ca":...,"requestId":7,"serial":"3a..","result":"revoked"}
 * POST /certificates/{serial}/revoke[?ca=NAME][&amp;reason=R] the same, by the certificate's serial (hex)
 * </pre>
 *
 * Revoke is certutil -revoke ([MS-CSRA] 3.1.4.1.1 RevokeCertificate: a serial number and a
 * reason): the issued certificate of request {@code id}, or the one with that serial, is revoked
 * now with reason R (an [RFC 5280] §5.3.1 CRLReason, by code or name; default 0, unspecified),
 * and the CA publishes a new CRL ({@link CaRevocation}). 404 when the CA issued no such
 * certificate; a certificate revoked already stays as it was ("result":"already revoked"). The
 * same HTTP server publishes the CRLs and answers OCSP for anyone, without the token
 * ({@link Publication}).
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
    private static final Pattern REVOKE_REQUEST = Pattern.compile("/requests/(\\d{1,9})/revoke");
    private static final Pattern REVOKE_SERIAL = Pattern.compile("/certificates/([0-9A-Fa-f]{1,64})/revoke");

    private final HttpServer server;
    private final ExecutorService executor;
    private final OfficerToken token;
    private volatile LabCa ca;

    private OfficerEndpoint(HttpServer server, ExecutorService executor, OfficerToken token) {
        this.server = server;
        this.executor = executor;
        this.token = token;
    }

    /** Listens on 127.0.0.1:{@code port} (0: the OS chooses), for callers that show {@code token}. */
    public static OfficerEndpoint start(LabCa ca, int port, OfficerToken token) throws IOException {
        return bind(port, token).serve(ca, java.time.Clock.systemUTC());
    }

    /**
     * Binds 127.0.0.1:{@code port} without serving yet, so that the CA can be made knowing the
     * URL its certificates name for CRLs and OCSP ({@link #publicationBase()}); {@link #serve}
     * starts it. {@link #close()} releases the port either way.
     */
    public static OfficerEndpoint bind(int port, OfficerToken token) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName(LabRealm.LOOPBACK), port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lab-officer");
            t.setDaemon(true);
            return t;
        });
        return new OfficerEndpoint(server, executor, token);
    }

    /** Starts serving {@code engine}'s officer commands, CRLs and OCSP. */
    public OfficerEndpoint serve(LabCa engine, java.time.Clock clock) {
        this.ca = engine;
        Publication publication = new Publication(engine, clock);
        server.createContext("/", this::handle);
        server.createContext(Publication.CRL_PATH, publication::crl);
        server.createContext(Publication.OCSP_PATH, publication::ocsp);
        server.setExecutor(executor);
        server.start();
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0701 officer endpoint on http://{0}:{1,number,#}/ (CRLs under {2}, OCSP under {3})",
                LabRealm.LOOPBACK,
                port(),
                Publication.CRL_PATH,
                Publication.OCSP_PATH);
        return this;
    }

    /** {@code http://127.0.0.1:PORT/}: where CRLs and OCSP are published. */
    public String publicationBase() {
        return "http://" + LabRealm.LOOPBACK + ":" + port() + "/";
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
        Matcher revokeRequest = REVOKE_REQUEST.matcher(path);
        Matcher revokeSerial = REVOKE_SERIAL.matcher(path);
        if (revokeRequest.matches() || revokeSerial.matches()) {
            if (!method.equals("POST")) {
                reply(exchange, 405, Json.error("use POST"));
                return;
            }
            Query query = query(exchange, "ca", "reason");
            revoke(
                    exchange,
                    revokeRequest.matches()
                            ? new RevocationTarget.Request(Integer.parseInt(revokeRequest.group(1)))
                            : new RevocationTarget.Serial(new java.math.BigInteger(revokeSerial.group(1), 16)),
                    query);
        } else if (path.equals("/pending")) {
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

    private void revoke(HttpExchange exchange, RevocationTarget target, Query query)
            throws IOException, BadQuery, OfficerChoice.Refused {
        String officer = exchange.getRequestHeaders().getFirst("X-Officer");
        officer = officer == null || officer.isBlank() ? "officer" : officer;
        org.cews.lab.ca.revocation.RevocationReason reason;
        try {
            reason = org.cews.lab.ca.revocation.RevocationReason.parse(
                    query.value("reason").orElse("0"));
        } catch (IllegalArgumentException e) {
            throw new BadQuery(e.getMessage());
        }
        OfficerChoice.Issuer issuer = OfficerChoice.issuer(ca, query.value("ca"), target);
        CaRevocation.Outcome outcome = issuer.ca().revoke(issuer.certificate(), reason, officer);
        String result = outcome == CaRevocation.Outcome.REVOKED ? "revoked" : "already revoked";
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0709 officer {0}: revoke {1} at {2} ({3}): {4}",
                officer,
                target,
                issuer.ca().caName(),
                reason,
                result);
        reply(
                exchange,
                200,
                Json.revocation(
                        issuer.ca().caName(),
                        issuer.certificate().requestId(),
                        issuer.certificate().serial().toString(16),
                        result));
    }

    /** The query's {@code ca}, if any: the only parameter there may be, once, not empty. */
    private static Optional<String> caName(HttpExchange exchange) throws BadQuery {
        return query(exchange, "ca").value("ca");
    }

    /** A query's parameters, each of {@code allowed}, each at most once, none empty. */
    record Query(java.util.Map<String, String> values) {
        Optional<String> value(String key) {
            return Optional.ofNullable(values.get(key));
        }
    }

    private static Query query(HttpExchange exchange, String... allowed) throws BadQuery {
        String query = exchange.getRequestURI().getRawQuery();
        java.util.Map<String, String> values = new java.util.HashMap<>();
        if (query == null || query.isEmpty()) {
            return new Query(values);
        }
        java.util.List<String> keys = java.util.List.of(allowed);
        for (String parameter : query.split("&", -1)) {
            int eq = parameter.indexOf('=');
            String key = eq < 0 ? parameter : parameter.substring(0, eq);
            String value;
            try {
                value = eq < 0 ? "" : URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadQuery("query parameter " + key + " (expected: URL-encoded, actual: " + parameter + ")");
            }
            if (!keys.contains(key)) {
                throw new BadQuery(
                        "query parameter (expected: " + String.join(" or ", keys) + ", actual: " + key + ")");
            }
            if (values.containsKey(key) || value.isBlank()) {
                throw new BadQuery("query parameter " + key + " (expected: one value, actual: " + query + ")");
            }
            values.put(key, value);
        }
        return new Query(values);
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
