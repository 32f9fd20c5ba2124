package org.cews.wcce.ndr;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.UUID;
import org.cews.wcce.msrpce.SyntaxId;

/**
 * Writes one NDR 2.0 stub (C706 14.2, 14.3): little-endian, each primitive aligned to its size
 * relative to the start of the stub, padding bytes zero.
 *
 * <p>Pointers (C706 14.3.10, 14.3.12.3): a unique pointer is a four-byte referent id, 0 for NULL,
 * and its pointee is deferred. The caller says where deferred pointees go with {@link
 * #flushDeferred()}; for an operation's parameters that is after each top-level parameter, as
 * MIDL, impacket and go-msrpc do. A pointee that itself holds pointers has their pointees written
 * right after it, before the next pointee of the same level. A top-level {@code [ref]} pointer has
 * no wire form of its own: write its pointee inline.
 *
 * <p>Referent ids are numbered from {@code firstReferentId} in steps of {@code referentStep};
 * the default, 0x00020000 in steps of 4, is what MIDL-generated stubs send.
 */
public final class NdrWriter {

    /** The pointee of a non-NULL pointer, written when deferred pointees are flushed. */
    @FunctionalInterface
    public interface Pointee {
        void write(NdrWriter w);
    }

    private byte[] buf = new byte[64];
    private int size;
    private int nextReferentId;
    private final int referentStep;
    private ArrayDeque<Pointee> deferred = new ArrayDeque<>();

    /** Referent ids 0x00020000, 0x00020004, ... as MIDL numbers them. */
    public NdrWriter() {
        this(0x00020000, 4);
    }

    public NdrWriter(int firstReferentId, int referentStep) {
        if (firstReferentId == 0 || referentStep <= 0) {
            throw new IllegalArgumentException("referent ids start non-zero and grow (actual: " + firstReferentId
                    + ", step " + referentStep + ")");
        }
        this.nextReferentId = firstReferentId;
        this.referentStep = referentStep;
    }

    /** Bytes written so far; alignment is relative to 0. */
    public int position() {
        return size;
    }

    /** Zero bytes up to the next multiple of {@code n} (1, 2, 4 or 8). */
    public NdrWriter align(int n) {
        int pad = (n - size % n) % n;
        ensure(pad);
        size += pad; // the buffer is zero-filled and never rewritten
        return this;
    }

    public NdrWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public NdrWriter u16(int v) {
        align(2);
        ensure(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        return this;
    }

    public NdrWriter u32(int v) {
        align(4);
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public NdrWriter u64(long v) {
        align(8);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** Raw bytes, no alignment (an array of u8, or a fixed-size byte field). */
    public NdrWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** A UUID struct (u32, u16, u16, u8[8]; aligned to 4), i.e. GUID byte order. */
    public NdrWriter uuid(UUID uuid) {
        align(4);
        return bytes(SyntaxId.guidBytes(uuid));
    }

    /** A unique (or full) pointer with the next referent id; {@code null} writes NULL. */
    public NdrWriter uniquePointer(Pointee pointee) {
        if (pointee == null) {
            return u32(0);
        }
        int id = nextReferentId;
        nextReferentId += referentStep;
        return uniquePointer(id, pointee);
    }

    /** A unique pointer with a given referent id, for a peer that insists on particular ids. */
    public NdrWriter uniquePointer(int referentId, Pointee pointee) {
        if (pointee == null) {
            return u32(0);
        }
        if (referentId == 0) {
            throw new IllegalArgumentException("a non-NULL pointer needs a non-zero referent id");
        }
        u32(referentId);
        deferred.addLast(pointee);
        return this;
    }

    /** Writes the pointees deferred so far, each followed by the pointees it deferred. */
    public NdrWriter flushDeferred() {
        while (!deferred.isEmpty()) {
            Pointee next = deferred.removeFirst();
            ArrayDeque<Pointee> outer = deferred;
            deferred = new ArrayDeque<>();
            next.write(this);
            flushDeferred();
            deferred = outer;
        }
        return this;
    }

    /** A conformant byte array ({@code [size_is(n)] BYTE[]}): max_count, then the bytes. */
    public NdrWriter conformantBytes(byte[] b) {
        u32(b.length);
        return bytes(b);
    }

    /** The max_count, offset (0) and actual_count of a conformant varying array or string. */
    public NdrWriter conformantVaryingHeader(int maxCount, int actualCount) {
        u32(maxCount);
        u32(0);
        return u32(actualCount);
    }

    /**
     * A {@code [string] wchar_t*} pointee (C706 14.3.4, conformant varying string): max_count and
     * actual_count both count the characters including the terminating NUL, offset is 0, then
     * the characters in UTF-16LE.
     */
    public NdrWriter conformantVaryingString(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an NDR string cannot hold NUL (index " + s.indexOf('\0') + ")");
        }
        byte[] chars = Utf16Le.encodeWithNul(s);
        conformantVaryingHeader(chars.length / 2, chars.length / 2);
        return bytes(chars);
    }

    /** The stub; every deferred pointee must have been flushed. */
    public byte[] toByteArray() {
        if (!deferred.isEmpty()) {
            throw new IllegalStateException(deferred.size() + " deferred pointee(s) not flushed");
        }
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
