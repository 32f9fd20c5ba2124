package org.cews.policy.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.AttributeDecodeException;
import org.junit.jupiter.api.Test;

/** The background cache: last good policy served, failures and recovery logged once each, close() stops it. */
class PolicyCacheTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final Duration EVERY = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock(T0);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final CapturingLogger log = new CapturingLogger();
    final Directory directory = new Directory();
    final PolicyCache cache = new PolicyCache(directory, EVERY, scheduler, clock, log);

    /** A directory that is up or down and holds one version of the policy. */
    final class Directory implements PolicySource {
        boolean up = true;
        String content = "v1";
        List<AttributeDecodeException> problems = List.of();
        int reads;

        @Override
        public PolicySnapshot read() throws DirectoryException {
            reads++;
            if (!up) {
                throw new DirectoryException(
                        "no domain controller usable (tried dc1.lab.example:636 over LDAPS):" + " connect error");
            }
            return new PolicySnapshot(
                    "CN=Configuration,DC=" + content,
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    problems,
                    clock.instant());
        }
    }

    @Test
    void beforeAnyReadCurrentSaysThereIsNoPolicyYet() {
        PolicyUnavailableException e = assertThrows(PolicyUnavailableException.class, cache::current);
        assertEquals("no enrollment policy yet: the first read of the directory has not completed", e.getMessage());
    }

    @Test
    void aFailedFirstReadIsACheckedExceptionWithTheCause() {
        directory.up = false;
        cache.start();
        scheduler.advance(Duration.ZERO);
        PolicyUnavailableException e = assertThrows(PolicyUnavailableException.class, cache::current);
        assertEquals(
                "no enrollment policy yet: reading it from the directory failed 1 time since " + T0
                        + ": DirectoryException: no domain controller usable (tried dc1.lab.example:636 over LDAPS):"
                        + " connect error",
                e.getMessage());
        scheduler.advance(EVERY.multipliedBy(3));
        assertEquals(4, directory.reads);
        assertTrue(assertThrows(PolicyUnavailableException.class, cache::current)
                .getMessage()
                .contains("failed 4 times since " + T0));
        assertEquals(List.of("POL0101"), log.ids());
        assertEquals(Level.ERROR, log.entries.get(0).level());
    }

    @Test
    void aGoodReadIsServed() throws Exception {
        cache.start();
        scheduler.advance(Duration.ZERO);
        CachedPolicy policy = cache.current();
        assertEquals("CN=Configuration,DC=v1", policy.snapshot().configurationNamingContext());
        assertEquals(T0, policy.lastChanged());
        assertEquals(
                List.of("POL0104 enrollment policy loaded: 0 templates, 0 enterprise CAs, 0 OIDs, 0 objects that could"
                        + " not be decoded"),
                log.entries.stream().map(CapturingLogger.Entry::message).toList());
    }

    @Test
    void directoryDownServesTheLastGoodPolicyAndLogsTheFailureOnceAndTheRecoveryOnce() throws Exception {
        cache.start();
        scheduler.advance(Duration.ZERO);
        PolicySnapshot good = cache.current().snapshot();

        directory.up = false;
        scheduler.advance(EVERY.multipliedBy(3));
        assertEquals(4, directory.reads);
        assertTrue(good == cache.current().snapshot());
        assertEquals(List.of("POL0104", "POL0102"), log.ids());
        assertEquals(
                "POL0102 cannot read the enrollment policy from the directory; serving the policy read at " + T0
                        + " until a read succeeds (next try in PT5M): DirectoryException: no domain controller usable"
                        + " (tried dc1.lab.example:636 over LDAPS): connect error",
                log.entries.get(1).message());
        assertEquals(3, cache.health().failedAttempts());
        assertEquals(Optional.of(T0.plus(EVERY)), cache.health().failingSince());

        directory.up = true;
        scheduler.advance(EVERY);
        assertEquals(T0.plus(EVERY.multipliedBy(4)), cache.current().snapshot().readAt());
        assertEquals(List.of("POL0104", "POL0102", "POL0103"), log.ids());
        assertEquals(
                "POL0103 the enrollment policy was read again, after 3 failed attempts since " + T0.plus(EVERY),
                log.entries.get(2).message());
        assertFalse(cache.health().failing());

        directory.up = false;
        scheduler.advance(EVERY.multipliedBy(2));
        assertEquals(List.of("POL0104", "POL0102", "POL0103", "POL0102"), log.ids());
    }

    @Test
    void readsOnTheIntervalAfterTheFirstReadAtStart() {
        cache.start();
        scheduler.advance(EVERY.multipliedBy(2).minusSeconds(1));
        assertEquals(2, directory.reads);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(3, directory.reads);
    }

    @Test
    void unchangedContentKeepsTheTimeItLastChanged() throws Exception {
        cache.start();
        scheduler.advance(EVERY);
        CachedPolicy second = cache.current();
        assertEquals(T0.plus(EVERY), second.snapshot().readAt());
        assertEquals(T0, second.lastChanged());

        directory.content = "v2";
        scheduler.advance(EVERY);
        assertEquals(T0.plus(EVERY.multipliedBy(2)), cache.current().lastChanged());
        assertEquals(List.of("POL0104", "POL0104"), log.ids());
        assertTrue(log.entries.get(1).message().startsWith("POL0104 enrollment policy changed:"));
    }

    @Test
    void undecodableObjectsAreLoggedWhenTheContentChangesNotOnEveryRead() {
        directory.problems = List.of(new AttributeDecodeException(
                "CN=LabBroken,CN=Certificate Templates,CN=Public Key Services,CN=Services,CN=Configuration,DC=lab",
                "pKIExpirationPeriod",
                "absent",
                "an 8-byte interval"));
        cache.start();
        scheduler.advance(EVERY.multipliedBy(3));
        assertEquals(4, directory.reads);
        assertEquals(List.of("POL0104", "POL0105"), log.ids());
        assertEquals(
                "POL0105 left out of the enrollment policy: CN=LabBroken,CN=Certificate Templates,CN=Public Key"
                        + " Services,CN=Services,CN=Configuration,DC=lab: pKIExpirationPeriod (expected: an 8-byte"
                        + " interval, actual: absent)",
                log.entries.get(1).message());
    }

    @Test
    void anUnexpectedExceptionCountsAsAFailedReadAndTheNextReadStillHappens() throws Exception {
        List<String> outcomes = new ArrayList<>(List.of("boom", "ok"));
        PolicySource flaky = () -> {
            if (outcomes.remove(0).equals("boom")) {
                throw new IllegalStateException("decoder bug");
            }
            return directory.read();
        };
        PolicyCache c = new PolicyCache(flaky, EVERY, scheduler, clock, log);
        c.start();
        scheduler.advance(EVERY);
        assertEquals("CN=Configuration,DC=v1", c.current().snapshot().configurationNamingContext());
        assertEquals(List.of("POL0101", "POL0103", "POL0104"), log.ids());
    }

    @Test
    void closeStopsTheRefreshesAndKeepsTheLastPolicy() throws Exception {
        cache.start();
        scheduler.advance(Duration.ZERO);
        assertEquals(1, scheduler.pending());
        cache.close();
        assertEquals(0, scheduler.pending());
        scheduler.advance(Duration.ofHours(1));
        assertEquals(1, directory.reads);
        assertFalse(cache.refresh());
        assertEquals(1, directory.reads);
        assertEquals(T0, cache.current().snapshot().readAt());
        assertThrows(IllegalStateException.class, cache::start);
        assertFalse(scheduler.isShutdown(), "the scheduler belongs to whoever passed it");
    }

    @Test
    void theIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PolicyCache(directory, Duration.ZERO, scheduler, clock));
    }
}
