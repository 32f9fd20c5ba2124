package org.cews.lab.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.cews.lab.FakeLabCa;
import org.cews.lab.Officer;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The officer endpoint over HTTP and the officer command that calls it. */
class OfficerEndpointTest {

    @TempDir
    Path state;

    FakeLabCa ca;
    OfficerToken token;
    OfficerEndpoint endpoint;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        ca = new FakeLabCa();
        token = OfficerToken.create(state, new SecureRandom());
        endpoint = OfficerEndpoint.start(ca, 0, token);
        for (int i = 0; i < 2; i++) {
            ca.process(
                    CertServerRequest.submit(
                            RequestFlags.NONE, FakeLabCa.NAME, "CertificateTemplate:LabPendAll", new byte[] {1}),
                    new RpcPrincipal("alice", "LAB"));
        }
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    int officer(String... args) {
        out.reset();
        err.reset();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.startsWith("--token-file=") || a.startsWith("--state="))) {
            all.add(0, "--token-file=" + state.resolve(OfficerToken.FILE));
        }
        return Officer.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String port() {
        return "--port=" + endpoint.port();
    }

    HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", token.authorization());
    }

    @Test
    void withoutTheTokenNothingIsListedOrDecided() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + endpoint.port();
        for (String authorization : new String[] {null, "Bearer wrong", "Basic b2ZmaWNlcjpvZmZpY2Vy", "Bearer "}) {
            HttpRequest.Builder approve = HttpRequest.newBuilder(URI.create(base + "/requests/1/approve"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            HttpRequest.Builder pending = HttpRequest.newBuilder(URI.create(base + "/pending"));
            if (authorization != null) {
                approve.header("Authorization", authorization);
                pending.header("Authorization", authorization);
            }
            HttpResponse<String> a = http.send(approve.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, a.statusCode(), authorization + ": " + a.body());
            assertEquals(
                    401,
                    http.send(pending.build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode());
        }
        assertEquals(List.of(), ca.decisions);
        assertEquals(
                200,
                http.send(
                                authorized(base + "/requests/1/approve")
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertEquals(List.of("1 approved by officer"), ca.decisions);
    }

    @Test
    void theTokenIsKeptOwnerOnlyInTheStateDirectory() throws Exception {
        Path file = state.resolve(OfficerToken.FILE);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(token.authorization(), OfficerToken.read(file).authorization());
    }

    @Test
    void theOfficerCommandWithoutTheTokenIsRefused() throws Exception {
        Files.writeString(state.resolve("other.token"), "not-the-token\n");
        assertEquals(
                1,
                officer("--port=" + endpoint.port(), "--token-file=" + state.resolve("other.token"), "approve", "1"));
        assertEquals(List.of(), ca.decisions);
    }

    @Test
    void pendingListsTheWaitingRequestsAsJson() {
        assertEquals(0, officer(port(), "pending"));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                json.startsWith(
                        "[{\"ca\":\"Lab-Issuing-CA\",\"requestId\":1,\"requester\":\"LAB\\\\alice\",\"template\":\"LabPendAll\",\"submitted\":\""),
                json);
        assertTrue(json.contains("{\"ca\":\"Lab-Issuing-CA\",\"requestId\":2,"), json);
    }

    @Test
    void approveAndDenyDecideOnce() {
        assertEquals(0, officer(port(), "--officer=carol", "approve", "1"));
        assertEquals(
                "{\"ca\":\"Lab-Issuing-CA\",\"requestId\":1,\"result\":\"approved\"}",
                out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(0, officer(port(), "deny", "2"));
        assertEquals(List.of("1 approved by carol", "2 denied by officer"), ca.decisions);

        assertEquals(1, officer(port(), "approve", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("request 1 is not pending"));
        assertEquals(0, officer(port(), "pending"));
        assertEquals("[]", out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void withOneCaNamingItIsOptionalAndAnotherNameIsRefused() {
        assertEquals(0, officer(port(), "--ca=" + FakeLabCa.NAME, "pending"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"requestId\":2,"));
        assertEquals(1, officer(port(), "--ca=Lab-Issuing-CA-EC", "approve", "1"));
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .contains("no CA named Lab-Issuing-CA-EC (the CAs: " + FakeLabCa.NAME + ")"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(1, officer(port(), "--ca=Other CA", "pending"));
        assertEquals(List.of(), ca.decisions);
        assertEquals(0, officer(port(), "--ca=" + FakeLabCa.NAME, "deny", "2"));
        assertEquals(List.of("2 denied by officer"), ca.decisions);
    }

    @Test
    void aQueryOtherThanOneCaIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + endpoint.port() + "/requests/1/approve?";
        for (String query : List.of("x=1", "ca=", "ca=Lab-Issuing-CA&ca=Lab-Issuing-CA", "ca=Lab-Issuing-CA&")) {
            HttpResponse<String> r = http.send(
                    authorized(base + query)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), query + ": " + r.body());
        }
        assertEquals(List.of(), ca.decisions);
    }

    @Test
    void badCommandsAreUsageErrors() {
        assertEquals(2, officer(port(), "approve"));
        assertEquals(2, officer(port(), "approve", "seven"));
        assertEquals(2, officer(port(), "resubmit", "1"));
        assertEquals(2, officer("--bogus", "pending"));
        assertEquals(2, officer(port(), "--ca=", "approve", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }

    @Test
    void aLabThatIsNotThereIsReported() {
        assertEquals(3, officer("--state=/nonexistent/lab-state", "pending"));
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + endpoint.port();
        assertEquals(
                405,
                http.send(authorized(base + "/requests/1/approve").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertEquals(
                405,
                http.send(
                                authorized(base + "/pending")
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertEquals(
                404,
                http.send(
                                authorized(base + "/requests/x/approve")
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertEquals(List.of(), ca.decisions);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", Json.string("a\"b\\c\n\u0001"));
    }
}
