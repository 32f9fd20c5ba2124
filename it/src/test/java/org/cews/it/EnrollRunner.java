package org.cews.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.cews.client.cli.Enroll;
import org.cews.client.cli.Environment;

/**
 * Runs the {@code enroll} command in the test JVM against the tier's WildFly, as a user would from
 * a shell: trusting only the development CA, without the policy cache, with the lab accounts'
 * passwords in the environment ({@code ALICE_PW}, {@code BOB_PW}, {@code WEB01_PW}, and {@code
 * WRONG_PW}, which is none of them). Standard output and error are kept for the test to read.
 */
final class EnrollRunner {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Path home;

    EnrollRunner(Path home) {
        this.home = home;
    }

    /** Runs {@code enroll args --ca-file <development CA> --no-cache}; the exit code. */
    int run(String... args) throws IOException {
        out.reset();
        err.reset();
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--ca-file", TestServer.tlsDir().resolve("ca.crt").toString(), "--no-cache"));
        Environment env = new Environment(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(
                        "ALICE_PW", labPassword("alice"),
                        "BOB_PW", labPassword("bob"),
                        "WEB01_PW", labPassword("WEB01$"),
                        "WRONG_PW", "not-" + labPassword("alice")),
                Optional.empty(),
                Clock.systemUTC(),
                new SecureRandom(),
                home,
                d -> {});
        return Enroll.run(a, env);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Both streams, for assertion messages. */
    String both() {
        return out() + err();
    }

    /** {@code args} followed by the options of a UsernameToken as {@code user}, password from {@code env}. */
    static String[] withPassword(String user, String env, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--auth", "password", "--user", user, "--password-env", env));
        return a.toArray(String[]::new);
    }

    static String https(String path) {
        return TestServer.https(path).toString();
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The lab's password of an account, from the lab's own accounts file. */
    static String labPassword(String user) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EnrollRunner.class.getResourceAsStream("/org/cews/lab/lab-accounts.properties")) {
            p.load(in);
        }
        return p.getProperty("user." + user + ".password");
    }

    /** How many requests the tier's lab CA has been asked to decide (its audit lines, lab.log). */
    static long labSubmissions() throws IOException {
        Path log = Path.of(System.getProperty("cews.lab.dir"), "lab.log");
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" event=submit ")).count();
        }
    }
}
