package org.cews.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The WildFly that the it module's pom started for this test run: where it is, its ports (with the
 * run's port offset), and how to talk to it.
 */
final class TestServer {

    static final Path HOME = Path.of(System.getProperty("cews.wildfly.home"));
    static final Path BASE = Path.of(System.getProperty("cews.server.base"));
    static final int OFFSET = Integer.getInteger("cews.port.offset", 0);

    private TestServer() {}

    static int httpsPort() {
        return 8443 + OFFSET;
    }

    static int managementPort() {
        return 9990 + OFFSET;
    }

    static URI https(String path) {
        return URI.create("https://localhost:" + httpsPort() + path);
    }

    /** The deploy/env properties the server was provisioned with. */
    static Properties deployProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("cews.deploy.properties")))) {
            properties.load(in);
        }
        return properties;
    }

    /** What provisioning generated (the key store password among them). */
    static Properties provisionedProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(HOME.resolve("cews-provision.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    static Path tlsDir() {
        return BASE.resolve("configuration/cews/tls");
    }

    static X509Certificate developmentCa() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(tlsDir().resolve("ca.crt"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** TLS that trusts only the development CA, presenting the given client keys (may be null). */
    static SSLContext tls(KeyManager[] clientKeys) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("cews-dev-ca", developmentCa());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(clientKeys, tmf.getTrustManagers(), null);
        return context;
    }

    /**
     * Runs one jboss-cli command against the server's management port; returns its output. A
     * command starting with {@code batch,} is a comma-separated list, run as one batch.
     */
    static String cli(String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "bash",
                HOME.resolve("bin/jboss-cli.sh").toString(),
                "--controller=127.0.0.1:" + managementPort(),
                "--connect",
                (command.startsWith("batch,") ? "--commands=" : "--command=") + command));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jboss-cli did not finish: " + command);
        }
        return output;
    }
}
