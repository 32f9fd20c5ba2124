package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** RFC 4120 §3.2.3 replay cache: a replay within the skew, expiry after it, a bound that fails closed. */
class ReplayCacheTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final Duration SKEW = Duration.ofMinutes(5);

    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    static ReplayCache.Entry entry(String client, Instant ctime) {
        return new ReplayCache.Entry(client + "@LAB.EXAMPLE", "host/ca.lab.example@LAB.EXAMPLE", ctime, 7, "00");
    }

    @Test
    void theSameAuthenticatorTwiceIsAReplayUntilItsCtimeLeavesTheWindow() {
        ReplayCache cache = new ReplayCache(10, SKEW, clock);
        assertEquals(ReplayCache.Verdict.FRESH, cache.admit(entry("alice", T0)));
        now.set(T0.plus(SKEW));
        assertEquals(ReplayCache.Verdict.REPLAY, cache.admit(entry("alice", T0)));
        now.set(T0.plus(SKEW).plusSeconds(1));
        assertEquals(
                ReplayCache.Verdict.FRESH, cache.admit(entry("alice", T0)), "the acceptor's skew check refuses it");
    }

    @Test
    void aFullCacheSweepsExpiredEntriesAndOtherwiseRefuses() {
        ReplayCache cache = new ReplayCache(2, SKEW, clock);
        assertEquals(ReplayCache.Verdict.FRESH, cache.admit(entry("alice", T0)));
        assertEquals(ReplayCache.Verdict.FRESH, cache.admit(entry("bob", T0.plusSeconds(120))));
        assertEquals(ReplayCache.Verdict.FULL, cache.admit(entry("carol", T0)));
        now.set(T0.plus(SKEW).plusSeconds(1));
        assertEquals(ReplayCache.Verdict.FRESH, cache.admit(entry("carol", now.get())));
        assertEquals(2, cache.size());
    }
}
