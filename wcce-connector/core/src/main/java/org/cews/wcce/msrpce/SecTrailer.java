package org.cews.wcce.msrpce;

/**
 * The 8-byte sec_trailer ([MS-RPCE] 2.2.2.11), at {@code frag_length - auth_length - 8}:
 *
 * <pre>
 *   0 auth_type u8   1 auth_level u8   2 auth_pad_length u8   3 auth_reserved u8 (0, ignored)
 *   4 auth_context_id u32
 * </pre>
 */
public record SecTrailer(AuthType authType, AuthLevel authLevel, int padLength, int contextId) {

    public static final int LENGTH = 8;

    public SecTrailer {
        if (padLength < 0 || padLength > 0xFF) {
            throw new IllegalArgumentException("auth_pad_length is one byte (actual: " + padLength + ")");
        }
    }

    /** Reads the trailer at {@code b[offset .. offset + 8)}; the caller has checked the bounds. */
    public static SecTrailer decode(byte[] b, int offset) {
        return new SecTrailer(
                new AuthType(b[offset] & 0xFF),
                new AuthLevel(b[offset + 1] & 0xFF),
                b[offset + 2] & 0xFF,
                WireReader.getU32(b, offset + 4));
    }

    void encode(WireWriter w) {
        w.u8(authType.code()).u8(authLevel.code()).u8(padLength).u8(0).u32(contextId);
    }
}
