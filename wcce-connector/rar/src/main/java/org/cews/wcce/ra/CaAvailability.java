package org.cews.wcce.ra;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which configured CAs are skipped for now. A CA that could not be reached before a request went
 * out (no TCP connection, no endpoint mapper answer, a failed bind, an association found broken)
 * is skipped for {@code backoff}, so that requests do not each wait for its timeout. When the
 * back-off ends, exactly one request probes the CA ({@link Admission#PROBE}); the others keep
 * skipping it until the probe's verdict: a new connection bound ({@link #answered}) ends the
 * outage, another failure starts a new back-off, a probe that ended without either ({@link
 * #probeEnded}) lets the next request probe.
 *
 * <p>Only a connection opened after the outage began can end it: each recorded failure starts a
 * new {@link #generation}, connections remember the generation they were bound in, and an answer
 * on an older connection (a slow call that started before the CA went down) changes nothing.
 *
 * <p>A refused logon (bad password, keytab, clock skew, a KDC's refusal) is not an outage: it is
 * logged once as a configuration error and nothing is skipped, since every CA would refuse the
 * same credentials and a back-off would only hide the cause behind "every CA down".
 *
 * <p>Each change is logged once in the audit category ({@code org.cews.audit}, {@link
 * ConnectorMessage}): WCCE0501 a CA became unavailable (with why, and until when it is skipped),
 * WCCE0502 it answers again, WCCE0503 it refused the connector's authentication; and WCCE0504
 * each time a request's outcome at a CA is unknown (it is not sent elsewhere, the CA not skipped).
 */
final class CaAvailability {

    static final String AUDIT_LOGGER = "org.cews.audit";

    /** What a request may do with a CA now. */
    enum Admission {
        /** The CA is not known to be down. */
        GO,
        /** The CA's back-off ended and this request is the one that tries it. */
        PROBE,
        /** The CA is in its back-off, or another request is probing it. */
        SKIP
    }

    private record Down(Instant since, Instant retryAt, String reason, long generation, boolean probing) {}

    private final Map<ConfiguredCa, Down> down = new HashMap<>();
    private final Map<ConfiguredCa, Long> generations = new HashMap<>();
    private final Set<ConfiguredCa> refusingAuthentication = new HashSet<>();
    private final Duration backoff;
    private final Clock clock;
    private final Logger audit;

    CaAvailability(Duration backoff, Clock clock, Logger audit) {
        this.backoff = backoff;
        this.clock = clock;
        this.audit = audit;
    }

    /** Whether this request may use {@code ca}, and as what. */
    synchronized Admission admit(ConfiguredCa ca) {
        Down d = down.get(ca);
        if (d == null) {
            return Admission.GO;
        }
        if (d.probing() || clock.instant().isBefore(d.retryAt())) {
            return Admission.SKIP;
        }
        down.put(ca, new Down(d.since(), d.retryAt(), d.reason(), d.generation(), true));
        return Admission.PROBE;
    }

    /** The probe of {@code ca} ended without a verdict: the next request may probe. */
    synchronized void probeEnded(ConfiguredCa ca) {
        Down d = down.get(ca);
        if (d != null && d.probing()) {
            down.put(ca, new Down(d.since(), d.retryAt(), d.reason(), d.generation(), false));
        }
    }

    /** True while {@code ca} is down and not to be tried now (the container's own test and prefill). */
    synchronized boolean skipped(ConfiguredCa ca) {
        Down d = down.get(ca);
        return d != null && (d.probing() || clock.instant().isBefore(d.retryAt()));
    }

    /** Why {@code ca} is skipped and until when, if it is. */
    synchronized Optional<String> whySkipped(ConfiguredCa ca) {
        Down d = down.get(ca);
        if (d == null) {
            return Optional.empty();
        }
        if (d.probing()) {
            return Optional.of(
                    "unavailable since " + d.since() + ", being probed by another request (" + d.reason() + ")");
        }
        if (!clock.instant().isBefore(d.retryAt())) {
            return Optional.empty();
        }
        return Optional.of(
                "unavailable since " + d.since() + ", skipped until " + d.retryAt() + " (" + d.reason() + ")");
    }

    /** The generation a connection bound now belongs to. */
    synchronized long generation(ConfiguredCa ca) {
        return generations.getOrDefault(ca, 0L);
    }

    /** {@code ca} could not be reached: skip it for the back-off period. */
    void failed(ConfiguredCa ca, String reason) {
        Instant now = clock.instant();
        Down before;
        synchronized (this) {
            long generation = generation(ca) + 1;
            generations.put(ca, generation);
            before = down.get(ca);
            down.put(ca, new Down(before == null ? now : before.since(), now.plus(backoff), reason, generation, false));
        }
        if (before == null) {
            audit.log(Level.WARNING, ConnectorMessage.CA_UNAVAILABLE.pattern(), ca, reason, now.plus(backoff));
        }
    }

    /** The connector's authentication to {@code ca} was refused: logged once, nothing skipped. */
    void authenticationFailed(ConfiguredCa ca, String reason) {
        boolean first;
        synchronized (this) {
            first = refusingAuthentication.add(ca);
        }
        if (first) {
            audit.log(Level.ERROR, ConnectorMessage.AUTHENTICATION_REFUSED.pattern(), ca, reason);
        }
    }

    /** The request may have reached {@code ca} but its outcome is unknown: logged, nothing skipped. */
    void outcomeUnknown(String ca, String reason) {
        audit.log(Level.WARNING, ConnectorMessage.OUTCOME_UNKNOWN.pattern(), ca, reason);
    }

    /** A connection of {@code ca} bound just now: the CA answers. */
    void answered(ConfiguredCa ca) {
        answered(ca, generation(ca), false);
    }

    /**
     * {@code ca} answered a call on a connection bound in {@code connectionGeneration}: the logon
     * worked (NTLM's shows only at the first call), and the CA is available again unless that
     * connection is older than its outage.
     */
    void answered(ConfiguredCa ca, long connectionGeneration) {
        answered(ca, connectionGeneration, true);
    }

    private void answered(ConfiguredCa ca, long connectionGeneration, boolean called) {
        Down before;
        synchronized (this) {
            if (called) {
                refusingAuthentication.remove(ca);
            }
            before = down.get(ca);
            if (before == null || connectionGeneration < before.generation()) {
                return;
            }
            down.remove(ca);
        }
        audit.log(
                Level.INFO,
                ConnectorMessage.CA_ANSWERS_AGAIN.pattern(),
                ca,
                before.since(),
                Duration.between(before.since(), clock.instant()).toSeconds());
    }
}
