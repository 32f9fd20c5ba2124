package org.cews.lab.officer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cews.lab.LabRealm;
import org.cews.lab.ca.LabCa;

/**
 * The lab CA's officer, over HTTP on 127.0.0.1 only: what certutil -resubmit and -deny do on an AD
 * CS host through [MS-CSRA] ICertAdminD::ResubmitRequest and DenyRequest, for requests the CA
 * pended (disposition under submission):
 *
 * <pre>
 * GET  /pending                 200, JSON array of {requestId, requester, template, submitted}
 * POST /requests/{id}/approve   200 {"requestId":7,"result":"approved"}; 404 if not pending
 * POST /requests/{id}/deny      200 {"requestId":7,"result":"denied"};   404 if not pending
 * </pre>
 *
 * The officer's name for the CA's records is the {@code X-Officer} header, else "officer".
 */
public final class OfficerEndpoint implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OfficerEndpoint.class.getName());
    private static final Pattern DECISION = Pattern.compile("/requests/(\\d{1,9})/(approve|deny)");

    private final HttpServer server;
    private final ExecutorService executor;
    private final LabCa ca;

    private OfficerEndpoint(HttpServer server, ExecutorService executor, LabCa ca) {
        this.server = server;
        this.executor = executor;
        this.ca = ca;
    }

    /** Listens on 127.0.0.1:{@code port} (0: the OS chooses). */
    public static OfficerEndpoint start(LabCa ca, int port) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName(LabRealm.LOOPBACK), port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lab-officer");
            t.setDaemon(true);
            return t;
        });
        OfficerEndpoint endpoint = new OfficerEndpoint(server, executor, ca);
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
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Matcher decision = DECISION.matcher(path);
            if (path.equals("/pending")) {
                if (!method.equals("GET")) {
                    reply(exchange, 405, Json.error("use GET"));
                    return;
                }
                reply(exchange, 200, Json.pending(ca.pending()));
            } else if (decision.matches()) {
                if (!method.equals("POST")) {
                    reply(exchange, 405, Json.error("use POST"));
                    return;
                }
                decide(
                        exchange,
                        Integer.parseInt(decision.group(1)),
                        decision.group(2).equals("approve"));
            } else {
                reply(exchange, 404, Json.error("no such resource: " + path));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "LAB0704 officer request failed", e);
        }
    }

    private void decide(HttpExchange exchange, int requestId, boolean approve) throws IOException {
        String officer = exchange.getRequestHeaders().getFirst("X-Officer");
        officer = officer == null || officer.isBlank() ? "officer" : officer;
        boolean done = approve ? ca.approve(requestId, officer) : ca.deny(requestId, officer);
        String result = approve ? "approved" : "denied";
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0702 officer {0}: request {1,number,#} {2}",
                officer,
                requestId,
                done ? result : "not pending, unchanged");
        if (done) {
            reply(exchange, 200, Json.decision(requestId, result));
        } else {
            reply(exchange, 404, Json.error("request " + requestId + " is not pending"));
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
