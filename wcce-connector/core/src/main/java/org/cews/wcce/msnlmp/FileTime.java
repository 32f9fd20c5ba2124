package org.cews.wcce.msnlmp;

import java.time.Instant;

/**
 * FILETIME ([MS-DTYP] 2.3.3): 100-nanosecond ticks since 1601-01-01T00:00:00Z, as MsvAvTimestamp
 * and the NTLMv2 TimeStamp carry it.
 */
public final class FileTime {

    /** Seconds from 1601-01-01 to 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private FileTime() {}

    public static long of(Instant instant) {
        return (instant.getEpochSecond() + EPOCH_DIFF_SECONDS) * 10_000_000L + instant.getNano() / 100;
    }

    public static Instant toInstant(long fileTime) {
        long seconds = Long.divideUnsigned(fileTime, 10_000_000L) - EPOCH_DIFF_SECONDS;
        return Instant.ofEpochSecond(seconds, Long.remainderUnsigned(fileTime, 10_000_000L) * 100);
    }
}
