package org.cews.policy.model;

import java.time.Duration;

/**
 * pKIExpirationPeriod and pKIOverlapPeriod ([MS-CRTD] 2.11, 2.15): 8 bytes initializing a FILETIME
 * ([MS-DTYP] 2.3.3) that holds a relative interval, a little-endian <em>negative</em> count of
 * 100-ns units. 1 year is {@code 00 40 39 87 2e e1 fe ff} (-315 360 000 000 000), 6 weeks {@code
 * 00 80 a6 0a ff de ff ff}.
 */
public final class FileTimeInterval {

    public static final int SIZE = 8;
    private static final long UNITS_PER_SECOND = 10_000_000L;

    private FileTimeInterval() {}

    /**
     * Decodes an interval. A zero interval decodes as {@link Duration#ZERO}; a positive value is an
     * absolute time, not a period, and is refused.
     */
    public static Duration decode(String dn, String attribute, byte[] value) throws AttributeDecodeException {
        if (value.length != SIZE) {
            throw new AttributeDecodeException(
                    dn, attribute, AttributeValues.hex(value), "8 bytes, actual length " + value.length);
        }
        long units = 0;
        for (int i = SIZE - 1; i >= 0; i--) {
            units = units << 8 | (value[i] & 0xFF);
        }
        if (units > 0 || units == Long.MIN_VALUE) {
            throw new AttributeDecodeException(dn, attribute, AttributeValues.hex(value), "a negative 100-ns interval");
        }
        long positive = -units;
        return Duration.ofSeconds(positive / UNITS_PER_SECOND, (positive % UNITS_PER_SECOND) * 100);
    }

    /** Encodes a non-negative duration as AD stores it. */
    public static byte[] encode(Duration period) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("period must not be negative: " + period);
        }
        long units = -(period.getSeconds() * UNITS_PER_SECOND + period.getNano() / 100);
        byte[] b = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            b[i] = (byte) (units >>> (8 * i));
        }
        return b;
    }
}
