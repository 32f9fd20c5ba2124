package org.cews.policy.cache;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.cews.policy.ldap.PolicySnapshot;

/**
 * Holds the last enrollment policy read from the directory and refreshes it in the background
 * (docs/ARCHITECTURE.md §4.6; docs/CA-RPC-AD.md §5.1 "change detection" by polling). When a read fails, the
 * last good policy keeps being served; the failure is logged once, not per attempt, and the
 * recovery once. Before the first successful read, {@link #current()} throws a checked exception
 * that says why. The scheduler and the clock are injected; {@link #close()} stops the refreshes
 * but leaves the scheduler, which belongs to whoever passed it, running.
 *
 * <p>Log message ids: POL0101 first read failed, POL0102 a read failed while an older policy is
 * served, POL0103 recovery, POL0104 content changed, POL0105 an object that could not be decoded.
 */
public final class PolicyCache implements AutoCloseable {

    /** The state of the refreshes, for a health check or an admin command. */
    public record Health(
            Optional<Instant> lastSuccess, Optional<Instant> failingSince, int failedAttempts, Optional<String> error) {
        public boolean failing() {
            return failingSince.isPresent();
        }
    }

    private final PolicySource source;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Logger log;

    private volatile CachedPolicy current;
    private volatile Health health = new Health(Optional.empty(), Optional.empty(), 0, Optional.empty());
    private ScheduledFuture<?> task;
    private boolean closed;

    public PolicyCache(
            PolicySource source, Duration interval, ScheduledExecutorService scheduler, Clock clock, Logger log) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive: " + interval);
        }
        this.source = source;
        this.interval = interval;
        this.scheduler = scheduler;
        this.clock = clock;
        this.log = log;
    }

    public PolicyCache(PolicySource source, Duration interval, ScheduledExecutorService scheduler, Clock clock) {
        this(source, interval, scheduler, clock, System.getLogger(PolicyCache.class.getName()));
    }

    /** Reads now (on the scheduler) and then every interval after the previous read ended. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the policy cache is closed");
        }
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The policy to serve. */
    public CachedPolicy current() throws PolicyUnavailableException {
        CachedPolicy policy = current;
        if (policy != null) {
            return policy;
        }
        Health h = health;
        if (h.failing()) {
            throw new PolicyUnavailableException("no enrollment policy yet: reading it from the directory failed "
                    + h.failedAttempts() + (h.failedAttempts() == 1 ? " time" : " times") + " since "
                    + h.failingSince().get() + ": " + h.error().orElse("?"));
        }
        throw new PolicyUnavailableException(
                "no enrollment policy yet: the first read of the directory has not completed");
    }

    public Health health() {
        return health;
    }

    /** One read now; true if it succeeded. Never throws, so the scheduled task never dies. */
    public synchronized boolean refresh() {
        if (closed) {
            return false;
        }
        PolicySnapshot snapshot;
        String fingerprint;
        try {
            snapshot = source.read();
            fingerprint = SnapshotFingerprint.of(snapshot);
        } catch (Exception e) {
            failed(e);
            return false;
        }
        succeeded(snapshot, fingerprint);
        return true;
    }

    private void failed(Exception e) {
        Instant now = clock.instant();
        Health h = health;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!h.failing()) {
            if (current == null) {
                log.log(
                        Level.ERROR,
                        "POL0101 cannot read the enrollment policy from the directory; GetPolicies"
                                + " fails until a read succeeds (next try in {0}): {1}",
                        interval,
                        error);
            } else {
                log.log(
                        Level.WARNING,
                        "POL0102 cannot read the enrollment policy from the directory; serving the"
                                + " policy read at {0} until a read succeeds (next try in {1}): {2}",
                        current.snapshot().readAt(),
                        interval,
                        error);
            }
        }
        health = new Health(
                h.lastSuccess(), Optional.of(h.failingSince().orElse(now)), h.failedAttempts() + 1, Optional.of(error));
    }

    private void succeeded(PolicySnapshot snapshot, String fingerprint) {
        Health h = health;
        if (h.failing()) {
            log.log(
                    Level.INFO,
                    "POL0103 the enrollment policy was read again, after {0} failed attempts since {1}",
                    h.failedAttempts(),
                    h.failingSince().get());
        }
        CachedPolicy previous = current;
        if (previous != null && previous.fingerprint().equals(fingerprint)) {
            current = new CachedPolicy(snapshot, previous.lastChanged(), fingerprint);
        } else {
            current = new CachedPolicy(snapshot, snapshot.readAt(), fingerprint);
            log.log(
                    Level.INFO,
                    "POL0104 enrollment policy {0}: {1} templates, {2} enterprise CAs, {3} OIDs,"
                            + " {4} objects that could not be decoded",
                    previous == null ? "loaded" : "changed",
                    snapshot.templates().size(),
                    snapshot.enrollmentServices().size(),
                    snapshot.enterpriseOids().size(),
                    snapshot.problems().size());
            snapshot.problems()
                    .forEach(p ->
                            log.log(Level.WARNING, "POL0105 left out of the enrollment policy: {0}", p.getMessage()));
        }
        health = new Health(Optional.of(clock.instant()), Optional.empty(), 0, Optional.empty());
    }

    /** Stops the background refreshes; the policy read last stays available. */
    @Override
    public synchronized void close() {
        closed = true;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
