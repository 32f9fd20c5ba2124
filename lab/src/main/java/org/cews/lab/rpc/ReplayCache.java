package org.cews.lab.rpc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The acceptor's replay cache (RFC 4120 §3.2.3): every authenticator accepted within the clock
 * skew, by client, server, ctime and cusec, and the SHA-256 of its ciphertext, so the same
 * authenticator is refused the second time while two a client made in the same microsecond (a
 * connection pool opening several at once) are not taken for one another.
 * An entry is kept until its ctime leaves the skew window (ctime + skew), after which the acceptor
 * refuses the authenticator as too old anyway. Memory is bounded: at {@code capacity} entries the
 * expired ones are swept, and if the cache is still full a new authenticator is refused (fail closed:
 * only holders of valid tickets can fill it, and only with more than {@code capacity} logons within
 * the skew window). Shared by every connection of one listener; thread-safe.
 */
final class ReplayCache {

    /**
     * What identifies an authenticator: RFC 4120 §3.2.3's "server name, client name, time and
     * microsecond", and the hash of its ciphertext (hex).
     */
    record Entry(String client, String server, Instant ctime, int cusec, String cipherHash) {}

    /** The answer for one authenticator. */
    enum Verdict {
        FRESH,
        REPLAY,
        FULL
    }

    private final Map<Entry, Instant> seen = new HashMap<>();
    private final int capacity;
    private final Duration skew;
    private final Clock clock;

    ReplayCache(int capacity, Duration skew, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity (expected: >= 1, actual: " + capacity + ")");
        }
        this.capacity = capacity;
        this.skew = skew;
        this.clock = clock;
    }

    /** Records {@code entry} if it is new and there is room. */
    synchronized Verdict admit(Entry entry) {
        Instant now = clock.instant();
        Instant expiry = seen.get(entry);
        if (expiry != null && !expiry.isBefore(now)) {
            return Verdict.REPLAY;
        }
        if (seen.size() >= capacity) {
            seen.values().removeIf(e -> e.isBefore(now));
            if (seen.size() >= capacity) {
                return Verdict.FULL;
            }
        }
        seen.put(entry, entry.ctime().plus(skew));
        return Verdict.FRESH;
    }

    synchronized int size() {
        return seen.size();
    }
}
