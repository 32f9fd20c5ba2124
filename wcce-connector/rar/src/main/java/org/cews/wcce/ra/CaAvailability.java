package org.cews.wcce.ra;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which configured CAs are skipped for now. A CA that could not be reached (no TCP connection, no
 * endpoint mapper answer, a failed bind, a broken association, RPC_S_SERVER_UNAVAILABLE) is
 * skipped for {@code backoff}, so that requests do not each wait for its timeout; after that the
 * next request tries it again. A CA that answers is available again at once.
 *
 * <p>Each change is logged once in the audit category ({@code org.cews.audit}): WCCE0501 a CA
 * became unavailable (with why, and until when it is skipped), WCCE0502 it answers again. A CA
 * that fails again when its back-off ends stays down without a second WCCE0501.
 */
final class CaAvailability {

    static final String AUDIT_LOGGER = "org.cews.audit";

    private record Down(Instant since, Instant retryAt, String reason) {}

    private final Map<ConfiguredCa, Down> down = new HashMap<>();
    private final Duration backoff;
    private final Clock clock;
    private final Logger audit;

    CaAvailability(Duration backoff, Clock clock, Logger audit) {
        this.backoff = backoff;
        this.clock = clock;
        this.audit = audit;
    }

    /** True while {@code ca} is in its back-off: do not try it now. */
    synchronized boolean skipped(ConfiguredCa ca) {
        Down d = down.get(ca);
        return d != null && clock.instant().isBefore(d.retryAt());
    }

    /** Why {@code ca} is skipped and until when, if it is. */
    synchronized Optional<String> whySkipped(ConfiguredCa ca) {
        Down d = down.get(ca);
        if (d == null || !clock.instant().isBefore(d.retryAt())) {
            return Optional.empty();
        }
        return Optional.of(
                "unavailable since " + d.since() + ", skipped until " + d.retryAt() + " (" + d.reason() + ")");
    }

    /** {@code ca} could not be reached: skip it for the back-off period. */
    void failed(ConfiguredCa ca, String reason) {
        Instant now = clock.instant();
        Down before;
        synchronized (this) {
            before = down.get(ca);
            down.put(ca, new Down(before == null ? now : before.since(), now.plus(backoff), reason));
        }
        if (before == null) {
            audit.log(
                    Level.WARNING,
                    "WCCE0501 CA {0} is unavailable: {1}; it is skipped until {2}, requests go to the next CA by"
                            + " priority",
                    ca,
                    reason,
                    now.plus(backoff));
        }
    }

    /** {@code ca} answered: it is available again. */
    void answered(ConfiguredCa ca) {
        Down before;
        synchronized (this) {
            before = down.remove(ca);
        }
        if (before != null) {
            audit.log(
                    Level.INFO,
                    "WCCE0502 CA {0} answers again (unavailable since {1}, for {2} s)",
                    ca,
                    before.since(),
                    Duration.between(before.since(), clock.instant()).toSeconds());
        }
    }
}
