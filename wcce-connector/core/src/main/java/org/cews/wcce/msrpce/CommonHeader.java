package org.cews.wcce.msrpce;

/**
 * The 16-byte common header of every connection-oriented PDU (C706 12.6.3.1):
 *
 * <pre>
 *   0  rpc_vers u8 = 5        1  rpc_vers_minor u8 = 0    2  PTYPE u8        3  pfc_flags u8
 *   4  packed_drep[4] = 10 00 00 00 (little-endian integers, ASCII characters, IEEE floats)
 *   8  frag_length u16        10 auth_length u16          12 call_id u32
 * </pre>
 *
 * Only version 5.0 is recognised ([MS-RPCE] 3.3.1.5.1) and only the drep above: a big-endian or
 * EBCDIC peer is refused rather than misread. {@code callId} is a u32 kept in an {@code int}.
 */
public record CommonHeader(PacketType type, PfcFlags flags, int fragLength, int authLength, int callId) {

    public static final int LENGTH = 16;
    /** MustRecvFragSize: the fragment size every implementation must accept (C706 12.6.4.3). */
    public static final int MIN_MAX_FRAG = 1432;

    private static final int DREP_LITTLE_ENDIAN_ASCII = 0x10;
    private static final int DREP_IEEE = 0x00;

    public CommonHeader {
        if (fragLength < LENGTH || fragLength > 0xFFFF || authLength < 0 || authLength > 0xFFFF) {
            throw new IllegalArgumentException("frag_length " + fragLength + ", auth_length " + authLength);
        }
    }

    /** Decodes {@code b[0..16)} and checks what the header alone can show. */
    public static CommonHeader decode(byte[] b) throws PduException {
        if (b.length < LENGTH) {
            throw PduException.mismatch("common header", LENGTH + " bytes", b.length);
        }
        if (b[0] != 5 || b[1] != 0) {
            throw PduException.mismatch("rpc_vers", "5.0", (b[0] & 0xFF) + "." + (b[1] & 0xFF));
        }
        if ((b[4] & 0xFF) != DREP_LITTLE_ENDIAN_ASCII || (b[5] & 0xFF) != DREP_IEEE) {
            throw PduException.mismatch(
                    "packed_drep", "10 00 (little-endian, ASCII, IEEE)", String.format("%02x %02x", b[4], b[5]));
        }
        int fragLength = WireReader.getU16(b, 8);
        int authLength = WireReader.getU16(b, 10);
        if (fragLength < LENGTH) {
            throw PduException.mismatch("frag_length", "at least " + LENGTH, fragLength);
        }
        if (authLength > 0 && authLength + SecTrailer.LENGTH > fragLength - LENGTH) {
            throw PduException.mismatch(
                    "auth_length", "at most " + Math.max(0, fragLength - LENGTH - SecTrailer.LENGTH), authLength);
        }
        return new CommonHeader(
                new PacketType(b[2] & 0xFF),
                new PfcFlags(b[3] & 0xFF),
                fragLength,
                authLength,
                WireReader.getU32(b, 12));
    }

    /** Refuses a fragment larger than the max_recv_frag we advertised. */
    public CommonHeader checkFragLength(int maxRecvFrag) throws PduException {
        if (fragLength > maxRecvFrag) {
            throw PduException.mismatch("frag_length", "at most " + maxRecvFrag, fragLength);
        }
        return this;
    }

    /** Writes the header into {@code b[0..16)}. */
    public void encodeInto(byte[] b) {
        b[0] = 5;
        b[1] = 0;
        b[2] = (byte) type.code();
        b[3] = (byte) flags.bits();
        b[4] = DREP_LITTLE_ENDIAN_ASCII;
        b[5] = DREP_IEEE;
        b[6] = 0;
        b[7] = 0;
        WireWriter.putU16(b, 8, fragLength);
        WireWriter.putU16(b, 10, authLength);
        WireWriter.putU32(b, 12, callId);
    }

    /** Where the sec_trailer starts, or {@code fragLength} when there is none ([MS-RPCE] 2.2.2.11). */
    public int trailerOffset() {
        return authLength == 0 ? fragLength : fragLength - authLength - SecTrailer.LENGTH;
    }
}
