package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector's secrets kept out of standalone.xml (issue 11, item 8): with it-secrets.cli (an
 * Elytron secret-key credential store and the {@code expression=encryption} resolver), the NTLM
 * Password and the agent's EnrollmentAgentKeyStorePassword of a connection definition are
 * {@code ${ENC::cews:...}} expressions. After a reload the adapter authenticates with the
 * decrypted password and signs on behalf of alice with the decrypted key store password, while
 * standalone.xml and the management model hold only the expressions.
 */
class ConnectorSecretsIT {

    private static final String DEFINITION =
            "/subsystem=resource-adapters/resource-adapter=wcce/connection-definitions=ca-secrets";
    private static final String FACTORY = "CaConnectionFactorySecrets";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{ENC::cews:[A-Za-z0-9+/=]+}");

    private static HttpClient client;
    private static Properties deploy;
    private static String passwordExpression;
    private static String agentPasswordExpression;

    @BeforeAll
    static void configure() throws Exception {
        client = HttpClient.newBuilder().sslContext(TestServer.tls(null)).build();
        deploy = TestServer.deployProperties();
        Properties lab = LabEnrollmentIT.labStatus();
        String setUp = cli(Files.readString(Path.of("src/test/cli/it-secrets.cli")));
        assertTrue(setUp.contains("The batch executed successfully"), setUp);

        passwordExpression = encrypt(deploy.getProperty("cews.ca.password"));
        agentPasswordExpression = encrypt(deploy.getProperty("cews.ca.agent.password"));

        List<String> add = new ArrayList<>(List.of(
                "batch",
                DEFINITION + ":add(class-name=org.cews.wcce.ra.CaManagedConnectionFactory,"
                        + " jndi-name=\"java:/eis/cews/" + FACTORY + "\", min-pool-size=0, max-pool-size=2,"
                        + " validate-on-match=true, flush-strategy=FailingConnectionOnly)"));
        property(add, "CaName", deploy.getProperty("cews.ca.name"));
        property(add, "CaHost", deploy.getProperty("cews.ca.host"));
        property(add, "CaPort", lab.getProperty("epm.port"));
        property(add, "CaServicePrincipal", deploy.getProperty("cews.ca.spn"));
        property(add, "AuthenticationType", "NTLM");
        property(add, "UserName", deploy.getProperty("cews.ca.user"));
        property(add, "Domain", deploy.getProperty("cews.ca.domain"));
        property(add, "Password", passwordExpression);
        property(add, "EnrollmentAgentKeyStore", System.getProperty("cews.lab.dir") + "/ces-agent.p12");
        property(add, "EnrollmentAgentKeyStorePassword", agentPasswordExpression);
        add.add("run-batch");
        String added = cli(String.join("\n", add));
        assertTrue(added.contains("The batch executed successfully"), added);
        reload();
    }

    private static void property(List<String> commands, String name, String value) {
        commands.add(DEFINITION + "/config-properties=" + name + ":add(value=\"" + value + "\")");
    }

    /** {@code clearText} as an encrypted expression of the cews resolver. */
    private static String encrypt(String clearText) throws Exception {
        String out = cli("/subsystem=elytron/expression=encryption:create-expression(resolver=cews, clear-text=\""
                + clearText + "\")");
        Matcher m = EXPRESSION.matcher(out);
        assertTrue(m.find(), out);
        assertFalse(out.contains(clearText), "the answer holds no clear text: " + out);
        return m.group();
    }

    /**
     * Runs a CLI script against the server, without resolving ${...} on the client side (the
     * provisioned jboss-cli.xml resolves them, which would try ${ENC::...} as a system property).
     */
    private static String cli(String script) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cews-secrets-cli");
        Path config = dir.resolve("jboss-cli.xml");
        Files.writeString(
                config,
                Files.readString(TestServer.HOME.resolve("bin/jboss-cli.xml"))
                        .replace(
                                "<resolve-parameter-values>true</resolve-parameter-values>",
                                "<resolve-parameter-values>false</resolve-parameter-values>"));
        Path file = dir.resolve("commands.cli");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        TestServer.HOME.resolve("bin/jboss-cli.sh").toString(),
                        "--controller=127.0.0.1:" + TestServer.managementPort(),
                        "--connect",
                        "--file=" + file)
                .redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-Djboss.cli.config=" + config);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jboss-cli did not finish: " + script);
        }
        return output;
    }

    /** Reloads the server and waits until the probe answers again. */
    private static void reload() throws Exception {
        String out = TestServer.cli(":reload");
        assertTrue(out.contains("\"outcome\" => \"success\""), out);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            try {
                if (TestServer.cli(":read-attribute(name=server-state)").contains("\"result\" => \"running\"")
                        && client.send(
                                                HttpRequest.newBuilder(
                                                                TestServer.https("/cews-probe/enroll?retrieve=1"))
                                                        .GET()
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString())
                                        .statusCode()
                                != 404) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
        }
        throw new IOException("the server did not come back after :reload");
    }

    private static String[] enroll(String query) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(TestServer.https("/cews-probe/enroll?factory=" + FACTORY + "&" + query))
                        .header("Content-Type", "application/pkcs10")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(LabEnrollmentIT.csr("secrets")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().trim().split(" ", 4);
    }

    @Test
    void theConnectorLogsOnWithTheDecryptedPassword() throws Exception {
        String[] issued = enroll("template=User");
        assertEquals("ISSUED", issued[0], String.join(" ", issued));
    }

    @Test
    void theAgentOpensItsKeyStoreWithTheDecryptedPassword() throws Exception {
        String[] issued = enroll("template=LabOnBehalfUser&onBehalfOf=LAB%5Calice");
        assertEquals("ISSUED", issued[0], String.join(" ", issued));
    }

    @Test
    void standaloneXmlAndTheModelHoldOnlyTheExpressions() throws Exception {
        String xml = Files.readString(TestServer.BASE.resolve("configuration/standalone.xml"));
        int start = xml.indexOf("pool-name=\"ca-secrets\"");
        assertTrue(start > 0, "the connection definition is in standalone.xml");
        String definition = xml.substring(start, xml.indexOf("</connection-definition>", start));
        assertTrue(definition.contains(passwordExpression), definition);
        assertTrue(definition.contains(agentPasswordExpression), definition);
        assertFalse(definition.contains(deploy.getProperty("cews.ca.password")), definition);
        assertFalse(definition.contains(deploy.getProperty("cews.ca.agent.password")), definition);
        String model = TestServer.cli(DEFINITION + "/config-properties=Password:read-attribute(name=value)");
        assertTrue(model.contains("${ENC::cews:"), model);
        assertFalse(model.contains(deploy.getProperty("cews.ca.password")), model);
    }
}
