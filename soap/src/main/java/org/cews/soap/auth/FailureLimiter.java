package org.cews.soap.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rate limiting of password guesses: failures are counted per key (an account, a source address)
 * within a sliding window; a key that reaches the limit is refused until its block ends, and is
 * then accepted again, so an attacker can slow a user down but never lock the account for good (as
 * AD's own lockout could). A success clears the key. At most {@link #MAX_KEYS} keys are held; the
 * oldest are forgotten first.
 */
final class FailureLimiter {

    static final int MAX_KEYS = 20_000;

    private record State(Deque<Instant> failures, Instant blockedUntil) {}

    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<String, State> states = new LinkedHashMap<>(16, 0.75f, true);

    FailureLimiter(int maxFailures, Duration window, Duration block, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    /** Until when {@code key} is refused, if it is now. */
    synchronized Optional<Instant> blockedUntil(String key) {
        State state = states.get(key);
        Instant now = clock.instant();
        return state != null && state.blockedUntil() != null && now.isBefore(state.blockedUntil())
                ? Optional.of(state.blockedUntil())
                : Optional.empty();
    }

    /** Counts one failure of {@code key}; blocks it when the window holds the limit. */
    synchronized void failed(String key) {
        Instant now = clock.instant();
        State state = states.get(key);
        Deque<Instant> failures = state == null ? new ArrayDeque<>() : state.failures();
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(window))) {
            failures.removeFirst();
        }
        failures.addLast(now);
        Instant blockedUntil = state == null ? null : state.blockedUntil();
        if (failures.size() >= maxFailures) {
            blockedUntil = now.plus(block);
            failures.clear();
        }
        states.put(key, new State(failures, blockedUntil));
        if (states.size() > MAX_KEYS) {
            Iterator<String> oldest = states.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    synchronized void succeeded(String key) {
        states.remove(key);
    }
}
