package org.cews.it.samba;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * A real Samba AD domain controller for the tests (docs/TESTBED.md): provisioned into
 * {@code target/samba} on first use, started on loopback only, shared by every test class of
 * the run, and stopped by PID, with its children, when the run ends — also when tests fail.
 *
 * <p>Where Samba is not installed the tests that need it are skipped with a message, unless the
 * environment says {@code CEWS_REQUIRE_SAMBA=1} (CI does), in which case they fail.
 */
public final class SambaDomainController implements AutoCloseable {

    public static final String REALM = "TEST.EXAMPLE";
    public static final String DOMAIN = "TEST";
    public static final String ADMIN = "Administrator";
    public static final String ADMIN_PASSWORD = "Adm1nPassw0rd!";
    public static final String HOST = "127.0.0.1";

    /**
     * What to provision: the shared DC of the run uses {@link #DEFAULT}; a test that needs another
     * domain (SambaPolicyIT: the lab forest's realm and domain SID) gives its own.
     *
     * @param extraArgs more arguments for {@code samba-tool domain provision}
     */
    public record Provisioning(String realm, String domain, List<String> extraArgs) {

        public static final Provisioning DEFAULT = new Provisioning(REALM, DOMAIN, List.of("--use-rfc2307"));

        public Provisioning {
            extraArgs = List.copyOf(extraArgs);
        }
    }

    /** Work on the provisioned database before samba starts (ldbadd, samba-tool against sam.ldb). */
    @FunctionalInterface
    public interface BeforeStart {
        void prepare(SambaDomainController notYetStarted) throws IOException, InterruptedException;
    }

    private final Path dir;
    private final Provisioning provisioning;
    private Process process;

    private SambaDomainController(Path dir, Provisioning provisioning) {
        this.dir = dir;
        this.provisioning = provisioning;
    }

    /**
     * Injects the one running DC into test parameters of this type. Checks for Samba before the
     * class runs: an abort thrown while resolving a parameter would be reported as an error, not
     * as a skip.
     */
    public static final class Extension implements ParameterResolver, BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            requireSamba();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SambaDomainController.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            SambaForest.stopShared(context); // the lab forest's DC holds the same ports
            return RunShared.get(
                    context,
                    SambaDomainController.class,
                    SambaDomainController::startOrSkip,
                    SambaDomainController::close);
        }
    }

    /**
     * Stops the run's shared DC if one was started, so that a test class can run its own DC on the
     * same ports; the next test that asks for the shared DC provisions and starts it again.
     */
    public static void stopShared(ExtensionContext context) {
        RunShared.stop(context, SambaDomainController.class);
    }

    /** Skips (or, with CEWS_REQUIRE_SAMBA=1, fails) when Samba is not installed. */
    public static void requireSamba() {
        if (!Files.isExecutable(Path.of("/usr/sbin/samba")) || !Files.isExecutable(Path.of("/usr/bin/samba-tool"))) {
            String why = "Samba is not installed (apt-get install samba; see .ci/run)";
            if ("1".equals(System.getenv("CEWS_REQUIRE_SAMBA"))) {
                throw new IllegalStateException(why + ", and CEWS_REQUIRE_SAMBA=1");
            }
            throw new TestAbortedException(why);
        }
    }

    private static SambaDomainController startOrSkip() {
        requireSamba();
        try {
            return start(Path.of(System.getProperty("cews.samba.dir", "target/samba")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Samba: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Samba", e);
        }
    }

    static SambaDomainController start(Path dir) throws IOException, InterruptedException {
        return start(dir, Provisioning.DEFAULT, dc -> {});
    }

    /**
     * Provisions a DC into {@code dir} (emptied first), lets {@code beforeStart} work on its
     * database, and starts it on loopback. The caller stops it with {@link #close()}.
     */
    public static SambaDomainController start(Path dir, Provisioning provisioning, BeforeStart beforeStart)
            throws IOException, InterruptedException {
        // A DC of this run that was just stopped may still hold its ports for a moment.
        if (!awaitFree(135, Duration.ofSeconds(30))) {
            throw new IOException("port 135 on " + HOST + " is already in use (another Samba or RPC server?)");
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path emptyConf = Files.writeString(dir.resolve("empty.conf"), "");
        List<String> provision = new ArrayList<>(List.of(
                "samba-tool",
                "domain",
                "provision",
                "--configfile=" + emptyConf,
                "--targetdir=" + dir.resolve("dc"),
                "--realm=" + provisioning.realm(),
                "--domain=" + provisioning.domain(),
                "--server-role=dc",
                "--dns-backend=NONE",
                "--host-name=dc1",
                "--adminpass=" + ADMIN_PASSWORD,
                "--option=interfaces=lo",
                "--option=bind interfaces only=yes"));
        provision.addAll(provisioning.extraArgs());
        run(dir, "provision", provision);
        Path smbConf = dir.resolve("dc/etc/smb.conf");
        // LDAP as on an AD DC that requires signing: simple binds and SASL binds inside TLS; outside
        // TLS only SASL binds that sign or seal. Samba's default ("yes") also refuses a SASL bind
        // inside TLS that does not sign, and one that does ("not allowed if TLS is used"), so GSSAPI
        // over LDAPS would be impossible. A global parameter: under [global], or Samba ignores it
        // (docs/TESTBED.md: provision's --option does not write it).
        Files.writeString(
                smbConf,
                Files.readString(smbConf)
                        .replaceFirst(
                                "\\[global]\n", "[global]\n\tldap server require strong auth = allow_sasl_over_tls\n"));

        SambaDomainController dc = new SambaDomainController(dir, provisioning);
        beforeStart.prepare(dc);

        dc.process = new ProcessBuilder("samba", "-s", smbConf.toString(), "-F", "--no-process-group")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("samba.log").toFile())
                .start();
        try {
            dc.awaitPort(135, Duration.ofSeconds(60));
        } catch (IOException | RuntimeException e) {
            dc.close();
            throw e;
        }
        return dc;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void awaitPort(int port, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("samba exited with " + process.exitValue() + "; see " + dir.resolve("samba.log"));
            }
            if (listening(port)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("samba did not listen on " + port + " within " + timeout);
    }

    /** Runs a command (samba-tool, ldbmodify) in the DC's directory; fails with its output. */
    public String run(String what, List<String> command) throws IOException, InterruptedException {
        return run(dir, what, command);
    }

    private static String run(Path dir, String what, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve(what.replace(' ', '-') + ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish in 3 minutes");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(what + " failed (" + p.exitValue() + "):\n" + out);
        }
        return out;
    }

    /**
     * A krb5.conf for clients of this DC's KDC (docs/TESTBED.md: no DNS, no canonicalisation, TCP),
     * written once into the DC's directory.
     */
    public Path krb5Conf() throws IOException {
        Path conf = dir.resolve("krb5.conf");
        if (!Files.exists(conf)) {
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "[libdefaults]",
                            "  default_realm = " + provisioning.realm(),
                            "  dns_lookup_kdc = false",
                            "  dns_lookup_realm = false",
                            "  rdns = false",
                            "  dns_canonicalize_hostname = false",
                            "  udp_preference_limit = 1",
                            "  forwardable = true",
                            "[realms]",
                            "  " + provisioning.realm() + " = {",
                            "    kdc = " + HOST,
                            "  }",
                            ""));
        }
        return conf;
    }

    /** The arguments samba-tool needs to work on this DC's database directly. */
    public List<String> localDatabase() {
        return List.of(
                "-H",
                dir.resolve("dc/private/sam.ldb").toString(),
                "-s",
                dir.resolve("dc/etc/smb.conf").toString());
    }

    public Path dir() {
        return dir;
    }

    /** Stops samba and every process it started, by PID. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : family) {
            child.onExit()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> child)
                    .join();
        }
        try {
            awaitFree(135, Duration.ofSeconds(20)); // the next DC of the run wants the same ports
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until nothing listens on {@code port}; false if something still does after {@code timeout}. */
    private static boolean awaitFree(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (listening(port)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
