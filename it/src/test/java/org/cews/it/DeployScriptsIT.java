package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deploy/cli scripts come in pairs: applying every restore-*.cli to the provisioned
 * configuration gives back the distribution's own management model (deploy/bin/check-restore.sh,
 * offline, on copies; the running test server is not touched).
 */
class DeployScriptsIT {

    @Test
    void restoreScriptsUndoTheConfigureScripts() throws IOException, InterruptedException {
        Path deploy = Path.of(System.getProperty("cews.deploy.dir"));
        Process process = new ProcessBuilder(
                        "bash",
                        deploy.resolve("bin/check-restore.sh").toString(),
                        TestServer.HOME.toString(),
                        System.getProperty("cews.wildfly.zip"),
                        TestServer.BASE.resolveSibling("check-restore").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "check-restore.sh did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("give back the distribution's configuration"), output);
    }
}
