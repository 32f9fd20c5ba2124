package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failover in the deployed resource adapter (issue 5): the connection definition
 * CaConnectionFactoryFailover (it-lab.cli) lists a dead CA at priority 1 and the lab's CA at
 * priority 2. Submissions are issued by the lab's CA, the dead one is logged once in the audit
 * log, a pending request names the lab's CA and is retrieved from it, a retrieval from the dead
 * CA is refused rather than sent to the other, and the container's connection test passes.
 */
class LabFailoverIT {

    private static final String FACTORY = "CaConnectionFactoryFailover";

    private static HttpClient client;
    private static Properties lab;

    @BeforeAll
    static void setUp() throws IOException, GeneralSecurityException {
        client = HttpClient.newBuilder().sslContext(TestServer.tls(null)).build();
        lab = LabEnrollmentIT.labStatus();
    }

    private static HttpResponse<String> submit(String template) throws Exception {
        byte[] csr = LabEnrollmentIT.csr("failover");
        return client.send(
                HttpRequest.newBuilder(
                                TestServer.https("/cews-probe/enroll?template=" + template + "&factory=" + FACTORY))
                        .header("Content-Type", "application/pkcs10")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csr))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> retrieve(String ca, int id) throws Exception {
        return client.send(
                HttpRequest.newBuilder(TestServer.https(
                                "/cews-probe/enroll?factory=" + FACTORY + "&ca=" + ca + "&retrieve=" + id))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLabCaIssuesWhenTheFirstCaIsDeadAndTheAuditLogSaysSoOnce() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> issued = submit("User");
            assertEquals(200, issued.statusCode(), issued.body());
            assertTrue(issued.body().startsWith("ISSUED "), issued.body());
            // ISSUED id base64cert caName: the CA that answered is the lab's, not Dead-CA.
            assertEquals(lab.getProperty("ca.name"), issued.body().trim().split(" ", 4)[3], issued.body());
        }
        String audit = Files.readString(TestServer.BASE.resolve("log/cews-audit.log"), StandardCharsets.UTF_8);
        String line = "WCCE0501 CA 127.0.0.1\\Dead-CA (endpoint mapper port " + System.getProperty("cews.dead.epm.port")
                + ", priority 1) is unavailable";
        assertTrue(audit.contains(line), audit);
        assertEquals(audit.indexOf(line), audit.lastIndexOf(line), "logged once: " + audit);
    }

    @Test
    void theContainersOwnConnectionTestReachesTheLabCaPastTheDeadOne() throws Exception {
        // No request info: the adapter binds to the first CA that answers.
        String out = TestServer.cli(
                "/subsystem=resource-adapters/resource-adapter=wcce/connection-definitions=ca-failover:test-connection-in-pool");
        assertTrue(out.contains("\"outcome\" => \"success\""), out);
    }

    @Test
    void aPendingRequestNamesTheLabCaAndIsRetrievedFromItOnly() throws Exception {
        HttpResponse<String> pending = submit("LabPendAll");
        String[] answer = pending.body().trim().split(" ");
        assertEquals("PENDING", answer[0], pending.body());
        assertEquals(lab.getProperty("ca.name"), answer[2], pending.body());
        int id = Integer.parseInt(answer[1]);

        LabEnrollmentIT.approve(id);

        HttpResponse<String> fromDead = retrieve("Dead-CA", id);
        assertEquals(502, fromDead.statusCode(), fromDead.body());
        assertTrue(
                fromDead.body()
                        .startsWith("ERROR request " + id + " can only be retrieved from CA Dead-CA, which"
                                + " cannot be reached now; no other CA was asked"),
                fromDead.body());

        HttpResponse<String> fromLab = retrieve(answer[2], id);
        assertTrue(fromLab.body().startsWith("ISSUED " + id + " "), fromLab.body());
    }
}
