package org.cews.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.cews.lab.officer.OfficerToken;

/**
 * The officer command: asks a running lab's officer endpoint
 * ({@link org.cews.lab.officer.OfficerEndpoint}) to list, approve or deny pending requests, or to
 * revoke issued certificates.
 * It finds the endpoint's port in the lab's status file, or takes it from {@code --port}.
 */
public final class Officer {

    public static final String USAGE =
            """
            usage: java -cp <lab classpath> org.cews.lab.Officer [--state=DIR | --port=N] [--officer=NAME] [--ca=CA] COMMAND
              pending          list the requests waiting for an officer, each with its CA (JSON)
              approve ID       issue pending request ID
              deny ID          deny pending request ID
              revoke ID [REASON]             revoke the certificate issued under request ID
              revoke-serial SERIAL [REASON]  revoke the certificate with SERIAL (hex), as certutil -revoke
                               REASON: an RFC 5280 CRLReason, code or name (default 0, unspecified;
                               1 keyCompromise, 4 superseded, 5 cessationOfOperation, ...). The CA
                               publishes a new CRL at once.
            --ca=CA       the CA (request IDs are per CA): pending lists only its requests; approve
                          and deny act there. Without it: the lab's one CA, or of several the only
                          one with ID pending (refused when several have it)
            --state=DIR   the lab's state directory (default ./lab-state): its lab-status.properties
                          names the officer port
            --port=N      the officer endpoint's port on 127.0.0.1, instead of the status file
            --token-file=FILE  the officer token the endpoint asks for (default: DIR/officer.token,
                          which the lab writes at each start, owner-only)
            --officer=NAME  the officer name the CA records (default: officer)
            Exit status: 0 done, 1 refused (no such pending request or CA, ID pending at several CAs),
            2 usage, 3 lab unreachable.
            """;

    private Officer() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path state = LabConfig.DEFAULT_STATE_DIR;
        Integer port = null;
        String officer = "officer";
        String ca = null;
        Path tokenFile = null;
        List<String> words = new ArrayList<>();
        try {
            for (String arg : args) {
                if (arg.startsWith("--state=")) {
                    state = Path.of(arg.substring(8));
                } else if (arg.startsWith("--port=")) {
                    port = Integer.parseInt(arg.substring(7));
                } else if (arg.startsWith("--token-file=")) {
                    tokenFile = Path.of(arg.substring(13));
                } else if (arg.startsWith("--officer=")) {
                    officer = arg.substring(10);
                } else if (arg.startsWith("--ca=")) {
                    ca = arg.substring(5);
                    if (ca.isBlank()) {
                        throw new IllegalArgumentException("--ca (expected: a CA name, actual: empty)");
                    }
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else {
                    words.add(arg);
                }
            }
            HttpRequest.Builder request = request(words, officer);
            if (port == null) {
                Properties status = LabStatus.read(state.resolve(LabStatus.FILE));
                if (!"running".equals(status.getProperty("state"))) {
                    err.println("officer: the lab in " + state + " is not running");
                    return 3;
                }
                port = Integer.parseInt(status.getProperty("officer.port"));
            }
            Path tokenAt = tokenFile != null ? tokenFile : state.resolve(OfficerToken.FILE);
            try {
                request.header("Authorization", OfficerToken.read(tokenAt).authorization());
            } catch (IOException e) {
                err.println("officer: cannot read the officer token " + tokenAt + ": " + e);
                return 3;
            }
            String base = "http://" + LabRealm.LOOPBACK + ":" + port;
            String query = query(words, ca);
            HttpRequest built = request.uri(URI.create(base + path(words) + query))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(built, HttpResponse.BodyHandlers.ofString());
            (response.statusCode() / 100 == 2 ? out : err).println(response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("officer: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("officer: lab unreachable: " + e);
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    private static HttpRequest.Builder request(List<String> words, String officer) {
        if (words.size() == 1 && words.get(0).equals("pending")) {
            return HttpRequest.newBuilder().GET();
        }
        if (words.size() == 2 && (words.get(0).equals("approve") || words.get(0).equals("deny"))) {
            Integer.parseInt(words.get(1)); // NumberFormatException is an IllegalArgumentException
            return HttpRequest.newBuilder()
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("X-Officer", officer);
        }
        if ((words.size() == 2 || words.size() == 3)
                && (words.get(0).equals("revoke") || words.get(0).equals("revoke-serial"))) {
            if (words.get(0).equals("revoke")) {
                Integer.parseInt(words.get(1));
            } else {
                new java.math.BigInteger(words.get(1), 16);
            }
            if (words.size() == 3) {
                org.cews.lab.ca.revocation.RevocationReason.parse(words.get(2));
            }
            return HttpRequest.newBuilder()
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("X-Officer", officer);
        }
        throw new IllegalArgumentException("command (expected: pending | approve ID | deny ID | revoke ID [REASON]"
                + " | revoke-serial SERIAL [REASON], actual: " + String.join(" ", words) + ")");
    }

    private static String path(List<String> words) {
        if (words.size() == 1) {
            return "/pending";
        }
        if (words.get(0).equals("revoke-serial")) {
            return "/certificates/" + words.get(1) + "/revoke";
        }
        return "/requests/" + Integer.parseInt(words.get(1)) + "/" + words.get(0);
    }

    /** The query: the CA, and a revocation's reason. */
    private static String query(List<String> words, String ca) {
        List<String> parameters = new ArrayList<>();
        if (ca != null) {
            parameters.add("ca=" + URLEncoder.encode(ca, StandardCharsets.UTF_8));
        }
        if (words.size() == 3) {
            parameters.add("reason=" + URLEncoder.encode(words.get(2), StandardCharsets.UTF_8));
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }
}
