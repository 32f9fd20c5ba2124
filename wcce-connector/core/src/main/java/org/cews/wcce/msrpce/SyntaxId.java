package org.cews.wcce.msrpce;

import java.util.UUID;

/**
 * An abstract or transfer syntax: interface UUID and version (p_syntax_id_t, C706 12.6.3.1;
 * [MS-RPCE] 2.2.2.13). On the wire the UUID is in GUID byte order: the first three fields
 * little-endian, the last eight bytes as they are; then major and minor version, each u16.
 */
public record SyntaxId(UUID uuid, int major, int minor) {

    /** NDR 2.0, the only transfer syntax this connector offers. */
    public static final SyntaxId NDR20 = new SyntaxId(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2, 0);

    public SyntaxId {
        if (major < 0 || major > 0xFFFF || minor < 0 || minor > 0xFFFF) {
            throw new IllegalArgumentException("syntax versions are u16 (actual: " + major + "." + minor + ")");
        }
    }

    /** The 16 bytes of {@code uuid} in GUID (mixed-endian) byte order. */
    public static byte[] guidBytes(UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        byte[] b = new byte[16];
        int data1 = (int) (msb >>> 32);
        b[0] = (byte) data1;
        b[1] = (byte) (data1 >>> 8);
        b[2] = (byte) (data1 >>> 16);
        b[3] = (byte) (data1 >>> 24);
        b[4] = (byte) (msb >>> 16);
        b[5] = (byte) (msb >>> 24);
        b[6] = (byte) msb;
        b[7] = (byte) (msb >>> 8);
        for (int i = 0; i < 8; i++) {
            b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return b;
    }

    /** The UUID whose GUID byte order is {@code b[offset .. offset + 16)}. */
    public static UUID fromGuidBytes(byte[] b, int offset) {
        long data1 = (b[offset] & 0xFFL)
                | (b[offset + 1] & 0xFFL) << 8
                | (b[offset + 2] & 0xFFL) << 16
                | (b[offset + 3] & 0xFFL) << 24;
        long data2 = (b[offset + 4] & 0xFFL) | (b[offset + 5] & 0xFFL) << 8;
        long data3 = (b[offset + 6] & 0xFFL) | (b[offset + 7] & 0xFFL) << 8;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            lsb = lsb << 8 | (b[offset + 8 + i] & 0xFFL);
        }
        return new UUID(data1 << 32 | data2 << 16 | data3, lsb);
    }
}
