package org.cews.wcce.msrpce;

import java.util.Arrays;
import java.util.UUID;

/**
 * Little-endian reads from {@code [position, limit)} of a received PDU (C706 14.2: drep
 * 0x10 = little-endian integers). Reading past the limit is a {@link PduException} naming the field.
 */
final class WireReader {

    private final byte[] buf;
    private int position;
    private final int limit;

    WireReader(byte[] buf, int position, int limit) {
        this.buf = buf;
        this.position = position;
        this.limit = limit;
    }

    int position() {
        return position;
    }

    int remaining() {
        return limit - position;
    }

    private void need(int n, String what) throws PduException {
        if (remaining() < n) {
            throw PduException.mismatch(what, n + " bytes", remaining());
        }
    }

    int u8(String what) throws PduException {
        need(1, what);
        return buf[position++] & 0xFF;
    }

    int u16(String what) throws PduException {
        need(2, what);
        int v = (buf[position] & 0xFF) | (buf[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    int u32(String what) throws PduException {
        need(4, what);
        int v = getU32(buf, position);
        position += 4;
        return v;
    }

    byte[] bytes(int n, String what) throws PduException {
        need(n, what);
        byte[] b = Arrays.copyOfRange(buf, position, position + n);
        position += n;
        return b;
    }

    void skip(int n, String what) throws PduException {
        need(n, what);
        position += n;
    }

    /** Skips to the next multiple of {@code alignment}, counted from the start of the PDU. */
    void align(int alignment, String what) throws PduException {
        skip((alignment - position % alignment) % alignment, what);
    }

    UUID uuid(String what) throws PduException {
        need(16, what);
        UUID u = SyntaxId.fromGuidBytes(buf, position);
        position += 16;
        return u;
    }

    SyntaxId syntax(String what) throws PduException {
        UUID uuid = uuid(what);
        return new SyntaxId(uuid, u16(what + " major version"), u16(what + " minor version"));
    }

    byte[] rest() {
        byte[] b = Arrays.copyOfRange(buf, position, limit);
        position = limit;
        return b;
    }

    static int getU16(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    static int getU32(byte[] b, int offset) {
        return (b[offset] & 0xFF)
                | (b[offset + 1] & 0xFF) << 8
                | (b[offset + 2] & 0xFF) << 16
                | (b[offset + 3] & 0xFF) << 24;
    }
}
