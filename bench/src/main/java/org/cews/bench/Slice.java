package org.cews.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What one measured run of a scenario recorded: a scenario's measured time is cut into slices,
 * one per round, interleaved with the other scenarios' (see {@link ConnectorBenchmark}).
 *
 * @param latencies the nanoseconds of each issued request completed in the window, unsorted
 * @param sessionNanos summed over the issued requests: the time spent getting and giving back
 *     sessions
 * @param errorKinds each distinct error message (window and warm-up) and how often it occurred
 * @param poolFill how long opening the pool took, before the warm-up (pooled only)
 */
record Slice(
        Scenario scenario,
        Duration window,
        long issued,
        long errors,
        long warmupErrors,
        long[] latencies,
        long sessionNanos,
        Map<String, Long> errorKinds,
        Optional<Duration> poolFill) {

    double throughput() {
        return issued / (window.toNanos() / 1e9);
    }
}
