package org.cews.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.cews.lab.ca.LabCa;
import org.cews.lab.directory.CaPublication;
import org.cews.lab.directory.EmbeddedDirectory;
import org.cews.lab.kdc.EmbeddedKdc;
import org.cews.lab.officer.OfficerEndpoint;
import org.cews.lab.officer.OfficerToken;
import org.cews.lab.rpc.CaRpcServer;
import org.cews.lab.rpc.LabSecurity;

/**
 * The lab: the stand-in for an AD forest with an enterprise CA, on 127.0.0.1 (docs/ARCHITECTURE.md
 * §4.7). {@link #start} brings up, in this order, the directory, the CA engine (which reads its
 * policy there), the CA certificate's publication, the KDC, the CA's RPC endpoints and the officer
 * endpoint, then writes {@code lab-status.properties}; svc-ces's Enrollment Agent certificate is
 * enrolled after the CA's publication ({@link CesAgentKeyStore}); {@link #stop} takes them down in reverse
 * and marks the status file stopped. {@link #main} runs it until SIGTERM or Ctrl-C.
 */
public final class Lab implements AutoCloseable {

    /** Not a static field: {@link #main} must configure logging before the first logger exists. */
    private static System.Logger log() {
        return System.getLogger(Lab.class.getName());
    }

    private final LabStatus status;
    private final LabCa ca;
    private final Deque<AutoCloseable> running;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Lab(LabStatus status, LabCa ca, Deque<AutoCloseable> running, Clock clock) {
        this.status = status;
        this.ca = ca;
        this.running = running;
        this.clock = clock;
    }

    public static Lab start(LabConfig config, LabCaFactory caFactory) throws Exception {
        return start(config, caFactory, Clock.systemUTC());
    }

    public static Lab start(LabConfig config, LabCaFactory caFactory, Clock clock) throws Exception {
        Path state = Files.createDirectories(config.stateDir()).toAbsolutePath();
        log().log(System.Logger.Level.INFO, "LAB0001 lab starting in {0}", state);
        LabAccounts accounts = LabAccounts.load();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            EmbeddedDirectory directory = push(running, EmbeddedDirectory.start(config.ldapPort(), accounts));
            LabAccounts.User reader = accounts.requireUser("svc-cep");
            // Bound before the CA is made: its certificates name this endpoint's CRL and OCSP URLs.
            OfficerEndpoint officer = push(
                    running,
                    OfficerEndpoint.bind(config.officerPort(), OfficerToken.create(state, new SecureRandom())));
            LabCa ca = caFactory.create(new LabCaContext(
                            Files.createDirectories(state.resolve("ca")),
                            LabRealm.LOOPBACK,
                            directory.port(),
                            reader.dn(),
                            reader.password(),
                            accounts,
                            clock,
                            Optional.of(directory.changes()))
                    .withPublication(officer.publicationBase()));
            if (ca instanceof AutoCloseable closeable) {
                push(running, closeable);
            }
            Path aia = CaPublication.publish(directory, ca, state);
            CesAgentKeyStore.ensure(state, ca, clock);
            EmbeddedKdc kdc = push(running, EmbeddedKdc.start(config.kdcPort(), state, accounts));
            LabSecurity security =
                    new LabSecurity(accounts.ntlm(), Optional.of(kdc.caServiceKeys()), new SecureRandom(), clock);
            CaRpcServer rpc = push(running, CaRpcServer.start(ca, security, config.epmPort(), config.icprPort()));
            officer.serve(ca, clock);
            LabStatus status = new LabStatus(
                    state,
                    directory.port(),
                    kdc.port(),
                    rpc.epmPort(),
                    rpc.icprPort(),
                    officer.port(),
                    kdc.krb5Conf(),
                    kdc.httpKeytab(),
                    kdc.caKeytab(),
                    ca.name(),
                    aia,
                    copyAccounts(state),
                    clock.instant());
            Path file = status.write("running", clock.instant());
            log().log(
                            System.Logger.Level.INFO,
                            "LAB0002 lab running: CA {0}, ldap {1,number,#}, kdc {2,number,#}, epm {3,number,#}, icpr {4,number,#}, officer {5,number,#}; status in {6}",
                            ca.name(),
                            status.ldapPort(),
                            status.kdcPort(),
                            status.epmPort(),
                            status.icprPort(),
                            status.officerPort(),
                            file);
            return new Lab(status, ca, running, clock);
        } catch (Exception | Error e) {
            log().log(System.Logger.Level.ERROR, "LAB0003 lab failed to start: " + e);
            closeAll(running);
            throw e;
        }
    }

    static <T extends AutoCloseable> T push(Deque<AutoCloseable> running, T part) {
        running.push(part);
        return part;
    }

    private static Path copyAccounts(Path state) throws IOException {
        Path copy = state.resolve("lab-accounts.properties");
        try (InputStream in = LabAccounts.class.getResourceAsStream(LabAccounts.RESOURCE)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    public LabStatus status() {
        return status;
    }

    public LabCa ca() {
        return ca;
    }

    /** Stops every part, last started first; safe to call twice. */
    public synchronized void stop() {
        if (stopParts(running, () -> status.write("stopped", clock.instant()))) {
            stopped.countDown();
        }
    }

    /** Marks the status file stopped. */
    @FunctionalInterface
    interface StatusUpdate {
        void write() throws IOException;
    }

    /**
     * Stops every part, last started first, then marks the status file; false when nothing was
     * running (shared with {@link RealmLab}).
     */
    static boolean stopParts(Deque<AutoCloseable> running, StatusUpdate markStopped) {
        if (running.isEmpty()) {
            return false;
        }
        log().log(System.Logger.Level.INFO, "LAB0004 lab stopping");
        closeAll(running);
        try {
            markStopped.write();
        } catch (IOException e) {
            log().log(System.Logger.Level.WARNING, "LAB0005 status file not updated: {0}", e.getMessage());
        }
        log().log(System.Logger.Level.INFO, "LAB0006 lab stopped");
        return true;
    }

    @Override
    public void close() {
        stop();
    }

    /** Blocks until {@link #stop} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log().log(
                                System.Logger.Level.WARNING,
                                "LAB0007 {0} did not stop cleanly: {1}",
                                part.getClass().getSimpleName(),
                                e.toString());
            }
        }
    }

    /** Runs the lab until the JVM is told to stop; see {@link LabConfig#USAGE} and {@link RealmConfig#USAGE}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(LabConfig.USAGE + RealmConfig.USAGE);
            return;
        }
        LabLogging.oneLinePerRecord();
        RealmConfig.Split split;
        LabConfig config;
        LabCaFactory factory;
        try {
            split = RealmConfig.split(args);
            config = LabConfig.parse(split.labArgs());
            factory = LabCaFactories.resolve(config.caFactory());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("lab: " + e.getMessage());
            System.err.print(LabConfig.USAGE + RealmConfig.USAGE);
            System.exit(2);
            return;
        }
        if (split.realm().isPresent()) {
            RealmLab lab = RealmLab.start(config, split.realm().get(), factory, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(lab::stop, "lab-shutdown"));
            lab.awaitStop();
            return;
        }
        Lab lab = start(config, factory);
        Runtime.getRuntime().addShutdownHook(new Thread(lab::stop, "lab-shutdown"));
        lab.awaitStop();
    }
}
