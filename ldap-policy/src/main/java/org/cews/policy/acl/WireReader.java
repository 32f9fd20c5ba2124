package org.cews.policy.acl;

/**
 * Bounded little-endian reads over a window {@code [start, limit)} of a byte array ([MS-DTYP]
 * 2.4.6: a self-relative security descriptor is little-endian). Every read checks the window
 * first, so a truncated or lying length ends in {@link AclFormatException}.
 */
final class WireReader {

    private WireReader() {}

    static void require(byte[] b, int offset, int length, int limit, String what) throws AclFormatException {
        if (offset < 0 || length < 0 || offset > limit - length || limit > b.length) {
            throw new AclFormatException(what + " runs past the end (expected: " + length + " bytes at offset " + offset
                    + ", actual: " + Math.max(0, Math.min(limit, b.length) - Math.max(offset, 0)) + " available)");
        }
    }

    static int u8(byte[] b, int offset) {
        return b[offset] & 0xFF;
    }

    static int u16(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int offset) {
        return (b[offset] & 0xFF)
                | (b[offset + 1] & 0xFF) << 8
                | (b[offset + 2] & 0xFF) << 16
                | (b[offset + 3] & 0xFF) << 24;
    }

    static void putU16(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
    }

    static void putU32(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
        b[offset + 2] = (byte) (value >>> 16);
        b[offset + 3] = (byte) (value >>> 24);
    }
}
