package org.cews.bench;

import java.util.Arrays;

/**
 * The latency distribution of the issued requests of one scenario, in nanoseconds, from every
 * recorded value sorted (nearest-rank percentiles; no histogram, no coordinated-omission
 * correction: each client sends its next request when the last one returned).
 */
record Latencies(int count, long p50, long p90, long p99, long max, long mean) {

    static final Latencies NONE = new Latencies(0, 0, 0, 0, 0, 0);

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Latencies(
                sorted.length,
                rank(sorted, 0.50),
                rank(sorted, 0.90),
                rank(sorted, 0.99),
                sorted[sorted.length - 1],
                sum / sorted.length);
    }

    /** The smallest value with at least {@code p} of all values at or below it. */
    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
