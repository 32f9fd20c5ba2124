package org.cews.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly instance of its own for a test that needs another JVM-wide configuration than the
 * tier's server (for example another {@code java.security.krb5.conf}): the same provisioned
 * installation, started with {@code deploy/bin/server.sh} on its own base directory and port
 * offset, with the EAR, the probe WAR and the test's CLI script applied before it starts. {@link
 * #close} stops it by PID (server.sh stop), also when the start failed half-way.
 */
public final class WildFlyInstance implements AutoCloseable {

    private final Path base;
    private final int offset;

    private WildFlyInstance(Path base, int offset) {
        this.base = base;
        this.offset = offset;
    }

    /**
     * Starts an instance on {@code base} (recreated) and {@code offset}, with {@code target/cews.ear}
     * and {@code target/cews-probe.war} (the tier copies them there before the tests run) and
     * {@code cli} applied with {@code ${name}} resolved from {@code properties}. Returns once both
     * are deployed; the caller closes it.
     */
    public static WildFlyInstance start(Path base, int offset, Path cli, Map<String, String> properties)
            throws IOException, InterruptedException {
        WildFlyInstance instance = new WildFlyInstance(base.toAbsolutePath(), offset);
        List<String> command = new ArrayList<>(List.of(
                "start",
                "--home",
                TestServer.HOME.toString(),
                "--base",
                instance.base.toString(),
                "--ear",
                Path.of("target/cews.ear").toAbsolutePath().toString(),
                "--offset",
                String.valueOf(offset),
                "--deploy",
                Path.of("target/cews-probe.war").toAbsolutePath().toString(),
                "--cli",
                cli.toAbsolutePath().toString()));
        properties.forEach((name, value) -> command.addAll(List.of("--cli-property", name + "=" + value)));
        try {
            instance.serverSh(command, 300);
        } catch (IOException | InterruptedException | RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    private String serverSh(List<String> arguments, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Path.of(System.getProperty("cews.deploy.dir"), "bin", "server.sh")
                        .toString()));
        command.addAll(arguments);
        Path log = base.resolveSibling(base.getFileName() + "-" + arguments.get(0) + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("server.sh " + arguments.get(0) + " did not finish in " + seconds + " s; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(
                    "server.sh " + arguments.get(0) + " failed (" + process.exitValue() + "):\n" + output);
        }
        return output;
    }

    /** An HTTPS URL on this instance's listener (8443 + offset), host localhost. */
    public URI https(String path) {
        return URI.create("https://localhost:" + (8443 + offset) + path);
    }

    /** A client that trusts the development CA the installation's server certificate comes from. */
    public HttpClient client() throws IOException, GeneralSecurityException {
        return HttpClient.newBuilder().sslContext(TestServer.tls(null)).build();
    }

    public Path serverLog() {
        return base.resolve("log/server.log");
    }

    /** Stops the instance by the PID server.sh recorded; nothing happens if it does not run. */
    @Override
    public void close() {
        try {
            serverSh(List.of("stop", "--base", base.toString()), 120);
        } catch (IOException e) {
            throw new IllegalStateException("stopping WildFly in " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping WildFly in " + base, e);
        }
    }
}
