package org.cews.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one scenario measured over all its slices.
 *
 * @param window the measured time, summed over the slices
 * @param issued requests that returned a checked issued certificate within a window
 * @param errors requests that ended within a window any other way
 * @param warmupErrors the same during the warm-ups (not in any number, reported if not zero)
 * @param meanSessionNanos of the issued requests, the mean time spent getting and giving back the
 *     session (unpooled: lookup, connect, bind, close; pooled: taking it from the pool)
 * @param errorKinds each distinct error message and how often it occurred (windows and warm-ups)
 * @param poolFill the longest pool fill of the slices, before their warm-up (pooled only)
 * @param sliceThroughputs each slice's issued/s, in the order the rounds ran
 */
record ScenarioResult(
        Scenario scenario,
        Duration window,
        long issued,
        long errors,
        long warmupErrors,
        Latencies latency,
        long meanSessionNanos,
        Map<String, Long> errorKinds,
        Optional<Duration> poolFill,
        List<Double> sliceThroughputs) {

    static ScenarioResult of(Scenario scenario, List<Slice> slices) {
        Duration window = Duration.ZERO;
        long issued = 0;
        long errors = 0;
        long warmupErrors = 0;
        long sessionNanos = 0;
        Map<String, Long> kinds = new TreeMap<>();
        Optional<Duration> fill = Optional.empty();
        for (Slice s : slices) {
            window = window.plus(s.window());
            issued += s.issued();
            errors += s.errors();
            warmupErrors += s.warmupErrors();
            sessionNanos += s.sessionNanos();
            s.errorKinds().forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
            if (s.poolFill().isPresent()
                    && (fill.isEmpty() || s.poolFill().get().compareTo(fill.get()) > 0)) {
                fill = s.poolFill();
            }
        }
        long[] all = new long[Math.toIntExact(issued)];
        int filled = 0;
        for (Slice s : slices) {
            System.arraycopy(s.latencies(), 0, all, filled, s.latencies().length);
            filled += s.latencies().length;
        }
        return new ScenarioResult(
                scenario,
                window,
                issued,
                errors,
                warmupErrors,
                Latencies.of(all),
                issued == 0 ? 0 : sessionNanos / issued,
                kinds,
                fill,
                slices.stream().map(Slice::throughput).toList());
    }

    /** Issued certificates per second of the measured time. */
    double throughput() {
        return issued / (window.toNanos() / 1e9);
    }
}
