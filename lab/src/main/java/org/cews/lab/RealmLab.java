package org.cews.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.cews.lab.ca.LabCa;
import org.cews.lab.directory.CaPublication;
import org.cews.lab.officer.OfficerEndpoint;
import org.cews.lab.officer.OfficerToken;
import org.cews.lab.rpc.CaRpcServer;
import org.cews.lab.rpc.LabSecurity;
import org.cews.lab.rpc.ServiceKeytab;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.TransportSecurity;
import org.cews.wcce.server.kerberos.ServiceKeys;

/**
 * The lab CA inside a realm someone else runs (issue 5): a Samba AD DC is the KDC and the
 * directory, so impersonation (S4U2Self + S4U2Proxy, which only Samba's KDC does here) reaches a CA
 * that sees the real user. The CA accepts Kerberos and SPNEGO AP-REQs with the keys of its service
 * principal from a keytab exported from the realm, takes the caller from the ticket's client name
 * ([MS-WCCE] 3.2.1.4.1.2) and reads that account, its SIDs (tokenGroups, as the DC computes them)
 * and the enrollment policy from the realm's directory, bound as {@link RealmConfig} says (GSSAPI
 * with the CA's own keytab by default). There is no embedded KDC or directory, NTLM
 * is not offered (the lab holds none of the realm's passwords), the CA certificate is written to
 * the AIA folder only (the realm's pKIEnrollmentService keeps whatever cACertificate it has), and
 * no Enrollment Agent certificate is enrolled for svc-ces (its template is the lab directory's).
 *
 * <p>Started by {@link Lab#main} when the {@link RealmConfig} options are given; writes {@link
 * RealmLabStatus}; stopped like {@link Lab}.
 */
public final class RealmLab implements AutoCloseable {

    private static System.Logger log() {
        return System.getLogger(RealmLab.class.getName());
    }

    private final RealmLabStatus status;
    private final Deque<AutoCloseable> running;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RealmLab(RealmLabStatus status, Deque<AutoCloseable> running, Clock clock) {
        this.status = status;
        this.running = running;
        this.clock = clock;
    }

    /** The CA engine, its RPC endpoints and the officer endpoint, on the ports of {@code config}. */
    public static RealmLab start(LabConfig config, RealmConfig realm, LabCaFactory caFactory, Clock clock)
            throws Exception {
        Path state = Files.createDirectories(config.stateDir()).toAbsolutePath();
        log().log(
                        System.Logger.Level.INFO,
                        "LAB0011 lab starting in {0} inside realm {1}: CA service {2} from {3}, directory {4} ({5}), bind {6}",
                        state,
                        realm.realm(),
                        realm.caPrincipal(),
                        realm.caKeytab(),
                        realm.directoryUrl(),
                        realm.directory(),
                        realm.bindDescription());
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            ServiceKeys keys = ServiceKeytab.read(realm.caKeytab(), realm.caPrincipal());
            DirectoryConfig directory = realm.directoryConfig();
            if (realm.krb5Conf().isPresent()) {
                useKrb5Conf(realm.krb5Conf().get());
            }
            if (realm.bind() instanceof RealmConfig.Bind.Simple && realm.security() == TransportSecurity.NONE) {
                log().log(
                                System.Logger.Level.WARNING,
                                "LAB0014 simple bind to {0} over plain LDAP: the password goes in clear, and a DC"
                                        + " that requires LDAP signing refuses it (give ldaps:// or --bind=gssapi)",
                                realm.directoryUrl());
            }
            // Bound before the CA is made: its certificates name this endpoint's CRL and OCSP URLs.
            OfficerEndpoint officer = Lab.push(
                    running,
                    OfficerEndpoint.bind(config.officerPort(), OfficerToken.create(state, new SecureRandom())));
            LabCa ca = caFactory.create(new LabCaContext(
                            Files.createDirectories(state.resolve("ca")),
                            directory,
                            new LabAccounts(List.of(), List.of()),
                            clock,
                            Optional.empty())
                    .withPublication(officer.publicationBase()));
            if (ca instanceof AutoCloseable closeable) {
                Lab.push(running, closeable);
            }
            Path aia = CaPublication.publishAia(ca, realm.caHost(), state);
            CaRpcServer rpc = Lab.push(
                    running,
                    CaRpcServer.start(
                            ca,
                            LabSecurity.kerberosOnly(realm.realm(), keys, new SecureRandom(), clock),
                            config.epmPort(),
                            config.icprPort()));
            officer.serve(ca, clock);
            RealmLabStatus status = new RealmLabStatus(
                    state, realm, rpc.epmPort(), rpc.icprPort(), officer.port(), ca.name(), aia, clock.instant());
            Path file = status.write("running", clock.instant());
            log().log(
                            System.Logger.Level.INFO,
                            "LAB0012 lab running inside realm {0}: CA {1} as {2}, epm {3,number,#}, icpr {4,number,#}, officer {5,number,#}; status in {6}",
                            realm.realm(),
                            ca.name(),
                            realm.caPrincipal(),
                            status.epmPort(),
                            status.icprPort(),
                            status.officerPort(),
                            file);
            return new RealmLab(status, running, clock);
        } catch (Exception | Error e) {
            log().log(System.Logger.Level.ERROR, "LAB0003 lab failed to start: " + e);
            Lab.closeAll(running);
            throw e;
        }
    }

    /**
     * The realm's Kerberos configuration for the GSSAPI bind. The JVM has one, so this sets it for
     * the whole lab process, whose only other Kerberos use (the CA's acceptor) reads no krb5.conf;
     * the bind's login re-reads it ({@code refreshKrb5Config}).
     */
    private static void useKrb5Conf(Path krb5Conf) {
        if (!Files.isReadable(krb5Conf)) {
            throw new IllegalStateException("--krb5-conf " + krb5Conf + " (expected: a readable file, actual: none)");
        }
        System.setProperty("java.security.krb5.conf", krb5Conf.toAbsolutePath().toString());
    }

    public RealmLabStatus status() {
        return status;
    }

    /** Stops every part, last started first; safe to call twice. */
    public synchronized void stop() {
        if (Lab.stopParts(running, () -> status.write("stopped", clock.instant()))) {
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Blocks until {@link #stop} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
