package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.UTF_16LE;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One AV_PAIR ([MS-NLMP] 2.2.2.1): an {@link AvId} and its value bytes. Names are UTF-16LE and
 * not NUL-terminated; MsvAvFlags is a u32 and MsvAvTimestamp a FILETIME, both little-endian.
 */
public record AvPair(AvId id, byte[] value) {

    public AvPair {
        Objects.requireNonNull(id, "id");
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("AvLen is a u16 (actual: " + value.length + ")");
        }
        value = value.clone();
    }

    public static AvPair ofString(AvId id, String value) {
        return new AvPair(id, value.getBytes(UTF_16LE));
    }

    public static AvPair ofU32(AvId id, int value) {
        byte[] b = new byte[4];
        LittleEndian.putU32(b, 0, value);
        return new AvPair(id, b);
    }

    public static AvPair ofU64(AvId id, long value) {
        byte[] b = new byte[8];
        LittleEndian.putU64(b, 0, value);
        return new AvPair(id, b);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public String stringValue() {
        return new String(value, UTF_16LE);
    }

    /** The value as a u32, as MsvAvFlags carries it. */
    public int u32Value() throws MalformedNtlmMessageException {
        checkLength(4);
        return LittleEndian.u32(value, 0);
    }

    /** The value as a u64, as MsvAvTimestamp carries it. */
    public long u64Value() throws MalformedNtlmMessageException {
        checkLength(8);
        return LittleEndian.u64(value, 0);
    }

    private void checkLength(int expected) throws MalformedNtlmMessageException {
        if (value.length != expected) {
            throw new MalformedNtlmMessageException(
                    "AV_PAIR " + id.code() + " AvLen (expected: " + expected + ", actual: " + value.length + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvPair p && id.equals(p.id) && Arrays.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "AvPair[" + id.code() + "=" + HexFormat.of().formatHex(value) + "]";
    }
}
