package org.cews.wcce.msnlmp;

/**
 * Little-endian integers in byte arrays: every multi-byte NTLM value is little-endian ([MS-NLMP]
 * 2.2). Callers check bounds first; these only assemble and split bytes.
 */
final class LittleEndian {

    private LittleEndian() {}

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int off) {
        return u16(b, off) | u16(b, off + 2) << 16;
    }

    static long u64(byte[] b, int off) {
        return (u32(b, off) & 0xFFFFFFFFL) | (long) u32(b, off + 4) << 32;
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void putU32(byte[] b, int off, int v) {
        putU16(b, off, v);
        putU16(b, off + 2, v >>> 16);
    }

    static void putU64(byte[] b, int off, long v) {
        putU32(b, off, (int) v);
        putU32(b, off + 4, (int) (v >>> 32));
    }
}
