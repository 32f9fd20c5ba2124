package org.cews.wcce.ndr;

import java.util.UUID;
import org.cews.wcce.msrpce.SyntaxId;

/**
 * Reads one NDR 2.0 stub, the mirror of {@link NdrWriter}. Every read is checked against the
 * bytes left; every count is checked against the bytes left before anything is allocated; a
 * failure is an {@link NdrException} naming the field ({@code what}) and never a runtime
 * exception. Padding bytes are skipped whatever they hold (impacket pads with 0xAA).
 *
 * <p>Pointees are not deferred automatically: a decoder reads the referent id where the pointer
 * is and the pointee where the writer flushed it.
 */
public final class NdrReader {

    /** The header of a conformant varying array or string (C706 14.3.3.4). */
    public record VaryingHeader(long maxCount, int actualCount) {}

    private final byte[] stub;
    private int pos;

    public NdrReader(byte[] stub) {
        this.stub = stub;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return stub.length - pos;
    }

    /** Skips padding up to the next multiple of {@code n} relative to the start of the stub. */
    public void align(int n, String what) throws NdrException {
        int pad = (n - pos % n) % n;
        need(pad, what + " alignment");
        pos += pad;
    }

    public int u8(String what) throws NdrException {
        need(1, what);
        return stub[pos++] & 0xFF;
    }

    public int u16(String what) throws NdrException {
        align(2, what);
        need(2, what);
        int v = (stub[pos] & 0xFF) | (stub[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit value, as its raw bits. */
    public int u32(String what) throws NdrException {
        align(4, what);
        need(4, what);
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = v << 8 | (stub[pos + i] & 0xFF);
        }
        pos += 4;
        return v;
    }

    public long u64(String what) throws NdrException {
        align(8, what);
        need(8, what);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (stub[pos + i] & 0xFFL);
        }
        pos += 8;
        return v;
    }

    /** {@code count} raw bytes, no alignment; {@code count} is checked before allocating. */
    public byte[] bytes(int count, String what) throws NdrException {
        if (count < 0) {
            throw NdrException.mismatch(what + " byte count", ">= 0", count);
        }
        need(count, what);
        byte[] b = new byte[count];
        System.arraycopy(stub, pos, b, 0, count);
        pos += count;
        return b;
    }

    /** A UUID struct in GUID byte order, aligned to 4. */
    public UUID uuid(String what) throws NdrException {
        align(4, what);
        need(16, what);
        UUID uuid = SyntaxId.fromGuidBytes(stub, pos);
        pos += 16;
        return uuid;
    }

    /** The referent id of a unique pointer: 0 for NULL. */
    public int referentId(String what) throws NdrException {
        return u32(what + " referent id");
    }

    /**
     * The max_count of a conformant array whose elements are {@code elementSize} bytes and all
     * follow, checked against the bytes left.
     */
    public int conformance(String what, int elementSize) throws NdrException {
        long maxCount = Integer.toUnsignedLong(u32(what + " max_count"));
        long fits = remaining() / elementSize;
        if (maxCount > fits) {
            throw NdrException.mismatch(what + " max_count", "<= " + fits, maxCount);
        }
        return (int) maxCount;
    }

    /**
     * The header of a conformant varying array: offset must be 0, actual_count no more than
     * max_count, and {@code actual_count} elements of {@code elementSize} bytes must fit in what
     * is left. max_count may exceed what follows (only actual_count elements are sent).
     */
    public VaryingHeader conformantVaryingHeader(String what, int elementSize) throws NdrException {
        long maxCount = Integer.toUnsignedLong(u32(what + " max_count"));
        int offset = u32(what + " offset");
        if (offset != 0) {
            throw NdrException.mismatch(what + " offset", 0, Integer.toUnsignedString(offset));
        }
        long actualCount = Integer.toUnsignedLong(u32(what + " actual_count"));
        if (actualCount > maxCount) {
            throw NdrException.mismatch(what + " actual_count", "<= " + maxCount, actualCount);
        }
        long fits = remaining() / elementSize;
        if (actualCount > fits) {
            throw NdrException.mismatch(what + " actual_count", "<= " + fits, actualCount);
        }
        return new VaryingHeader(maxCount, (int) actualCount);
    }

    /** A conformant byte array: max_count, then that many bytes. */
    public byte[] conformantBytes(String what) throws NdrException {
        int count = conformance(what, 1);
        return bytes(count, what);
    }

    /**
     * A {@code [string] wchar_t*} pointee: the conformant varying header, then UTF-16LE code
     * units of which the last, and only the last, is NUL.
     */
    public String conformantVaryingString(String what) throws NdrException {
        VaryingHeader header = conformantVaryingHeader(what, 2);
        if (header.actualCount() == 0) {
            throw NdrException.mismatch(what + " actual_count", ">= 1", 0);
        }
        return Utf16Le.decodeWithNul(bytes(2 * header.actualCount(), what), what);
    }

    /** The stub must be consumed exactly: trailing bytes are an error. */
    public void expectEnd() throws NdrException {
        if (remaining() != 0) {
            throw NdrException.mismatch("bytes after the stub", 0, remaining());
        }
    }

    private void need(int count, String what) throws NdrException {
        if (count > remaining()) {
            throw NdrException.mismatch(what, count + " bytes", remaining() + " left");
        }
    }
}
