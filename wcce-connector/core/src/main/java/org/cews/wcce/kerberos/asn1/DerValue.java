package org.cews.wcce.kerberos.asn1;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One decoded TLV (X.690 §8.1) as a view on the source bytes: {@code [start, contentStart)} is the
 * identifier and length, {@code [contentStart, end)} the contents. The {@code as...} methods read
 * the universal types Kerberos uses (RFC 4120 §5.2) and fail with a {@link DerException}.
 */
public record DerValue(int tag, byte[] source, int start, int contentStart, int end) {

    public int length() {
        return end - contentStart;
    }

    /** A reader over the contents of this (constructed) value. */
    public DerReader contents() {
        return new DerReader(source, contentStart, end);
    }

    /** A copy of the contents octets. */
    public byte[] contentBytes() {
        return Arrays.copyOfRange(source, contentStart, end);
    }

    /** A copy of the whole TLV as it was encoded. */
    public byte[] encoded() {
        return Arrays.copyOfRange(source, start, end);
    }

    /** An INTEGER that fits in a signed 64-bit value. */
    public long asLong() throws DerException {
        expectTag(Der.INTEGER);
        int n = length();
        if (n < 1 || n > 8) {
            throw new DerException("INTEGER length (expected: 1..8, actual: " + n + ")");
        }
        long value = source[contentStart]; // sign-extended
        for (int i = contentStart + 1; i < end; i++) {
            value = (value << 8) | (source[i] & 0xFF);
        }
        return value;
    }

    /** An INTEGER in {@code [min, max]}. */
    public long asLong(long min, long max) throws DerException {
        long value = asLong();
        if (value < min || value > max) {
            throw new DerException("INTEGER (expected: " + min + ".." + max + ", actual: " + value + ")");
        }
        return value;
    }

    /**
     * A Kerberos UInt32 (RFC 4120 §5.2.4). Lenient on read: a negative value from -2^31 on is taken
     * as its two's-complement 32-bit pattern, as some peers encode sequence numbers that way.
     */
    public long asUInt32() throws DerException {
        long value = asLong(Integer.MIN_VALUE, 0xFFFF_FFFFL);
        return value & 0xFFFF_FFFFL;
    }

    public int asInt32() throws DerException {
        return (int) asLong(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public byte[] asOctetString() throws DerException {
        expectTag(Der.OCTET_STRING);
        return contentBytes();
    }

    /** A KerberosString (GeneralString, RFC 4120 §5.2.1), read as UTF-8. */
    public String asGeneralString() throws DerException {
        expectTag(Der.GENERAL_STRING);
        return new String(source, contentStart, length(), StandardCharsets.UTF_8);
    }

    /** A KerberosTime: GeneralizedTime {@code YYYYMMDDHHMMSSZ} (RFC 4120 §5.2.3). */
    public Instant asKerberosTime() throws DerException {
        expectTag(Der.GENERALIZED_TIME);
        String text = new String(source, contentStart, length(), StandardCharsets.US_ASCII);
        if (!text.matches("[0-9]{14}Z")) {
            throw new DerException("KerberosTime (expected: YYYYMMDDHHMMSSZ, actual: " + printable(text) + ")");
        }
        try {
            return LocalDateTime.of(
                            Integer.parseInt(text.substring(0, 4)),
                            Integer.parseInt(text.substring(4, 6)),
                            Integer.parseInt(text.substring(6, 8)),
                            Integer.parseInt(text.substring(8, 10)),
                            Integer.parseInt(text.substring(10, 12)),
                            Integer.parseInt(text.substring(12, 14)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new DerException("KerberosTime (expected: a valid date, actual: " + text + ")");
        }
    }

    /** KerberosFlags (RFC 4120 §5.2.8): a BIT STRING whose first 32 bits are returned, bit 0 as the MSB. */
    public int asKerberosFlags() throws DerException {
        expectTag(Der.BIT_STRING);
        if (length() < 1) {
            throw new DerException("BIT STRING length (expected: >= 1, actual: 0)");
        }
        int flags = 0;
        for (int i = 0; i < 4; i++) {
            int at = contentStart + 1 + i;
            flags = (flags << 8) | (at < end ? source[at] & 0xFF : 0);
        }
        return flags;
    }

    public int asEnumerated() throws DerException {
        if (tag != Der.ENUMERATED) {
            throw tagMismatch(Der.ENUMERATED);
        }
        return (int) new DerValue(Der.INTEGER, source, start, contentStart, end).asLong(0, Integer.MAX_VALUE);
    }

    public void expectTag(int expected) throws DerException {
        if (tag != expected) {
            throw tagMismatch(expected);
        }
    }

    private DerException tagMismatch(int expected) {
        return new DerException("tag (expected: " + Der.hex(expected) + ", actual: " + Der.hex(tag) + ")");
    }

    private static String printable(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "..." : s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
