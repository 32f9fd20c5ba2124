package org.cews.wcce.msrpce;

import java.util.Arrays;
import java.util.UUID;

/** Little-endian writes into a growing buffer (C706 14.2, drep 0x10). */
final class WireWriter {

    private byte[] buf;
    private int size;

    WireWriter(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    WireWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    WireWriter u16(int v) {
        ensure(2);
        putU16(buf, size, v);
        size += 2;
        return this;
    }

    WireWriter u32(int v) {
        ensure(4);
        putU32(buf, size, v);
        size += 4;
        return this;
    }

    WireWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    WireWriter zeros(int n) {
        ensure(n);
        size += n;
        return this;
    }

    /** Zero bytes up to the next multiple of {@code alignment}, counted from the start of the PDU. */
    WireWriter align(int alignment) {
        return zeros((alignment - size % alignment) % alignment);
    }

    WireWriter uuid(UUID uuid) {
        return bytes(SyntaxId.guidBytes(uuid));
    }

    WireWriter syntax(SyntaxId s) {
        return uuid(s.uuid()).u16(s.major()).u16(s.minor());
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    static void putU16(byte[] b, int offset, int v) {
        b[offset] = (byte) v;
        b[offset + 1] = (byte) (v >>> 8);
    }

    static void putU32(byte[] b, int offset, int v) {
        b[offset] = (byte) v;
        b[offset + 1] = (byte) (v >>> 8);
        b[offset + 2] = (byte) (v >>> 16);
        b[offset + 3] = (byte) (v >>> 24);
    }
}
