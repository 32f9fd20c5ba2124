package org.cews.wcce.msicpr;

import java.util.Arrays;
import java.util.HexFormat;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.ndr.NdrReader;
import org.cews.wcce.ndr.NdrWriter;
import org.cews.wcce.ndr.Utf16Le;

/**
 * [MS-WCCE] 2.2.2.2 CERTTRANSBLOB: a counted byte buffer. Empty is {@code cb = 0, pb = NULL}.
 *
 * <pre>
 * typedef struct _CERTTRANSBLOB {
 *     ULONG cb;
 *     [size_is(cb), unique] BYTE *pb;
 * } CERTTRANSBLOB;
 * </pre>
 *
 * On the wire: {@code cb:u32, pb referent id:u32}, and where the pointees of the enclosing
 * parameter go, {@code max_count:u32 (= cb)} and the {@code cb} bytes.
 */
public record CertTransBlob(byte[] bytes) {

    public static final CertTransBlob EMPTY = new CertTransBlob(new byte[0]);

    public CertTransBlob {
        bytes = bytes.clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /**
     * A Unicode string as [MS-WCCE] 2.2.2.2.1 carries it: UTF-16LE with the terminating NUL, which
     * {@code cb} counts. {@code null} and the empty string give the empty blob.
     */
    public static CertTransBlob ofString(String s) {
        if (s == null || s.isEmpty()) {
            return EMPTY;
        }
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "a CERTTRANSBLOB string cannot hold NUL (index " + s.indexOf('\0') + ")");
        }
        return new CertTransBlob(Utf16Le.encodeWithNul(s));
    }

    /**
     * The string in this blob: the empty blob is "", anything else must be UTF-16LE whose last
     * code unit, and only that one, is NUL ([MS-ICPR] 3.2.4.1.1: a CA answers a {@code cb} that
     * does not match with E_INVALIDARG).
     */
    public String toUnicodeString(String what) throws NdrException {
        return isEmpty() ? "" : Utf16Le.decodeWithNul(bytes, what);
    }

    /** Writes the struct and defers {@code pb}'s pointee; the caller flushes. */
    void write(NdrWriter w) {
        w.u32(bytes.length);
        w.uniquePointer(isEmpty() ? null : x -> x.conformantBytes(bytes));
    }

    /**
     * Reads a CERTTRANSBLOB passed as a top-level {@code [ref]} parameter: the struct, then its
     * pointee. A NULL {@code pb} with a non-zero {@code cb} is refused; a non-NULL {@code pb} with
     * {@code cb = 0} reads as empty.
     */
    static CertTransBlob read(NdrReader r, String what) throws NdrException {
        long cb = Integer.toUnsignedLong(r.u32(what + ".cb"));
        int referentId = r.referentId(what + ".pb");
        if (referentId == 0) {
            if (cb != 0) {
                throw NdrException.mismatch(what + ".pb", "non-NULL for cb " + cb, "NULL");
            }
            return EMPTY;
        }
        int maxCount = r.conformance(what + ".pb", 1);
        if (maxCount != cb) {
            throw NdrException.mismatch(what + ".pb max_count", cb, maxCount);
        }
        return new CertTransBlob(r.bytes(maxCount, what + ".pb"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertTransBlob other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CertTransBlob[" + bytes.length + " bytes: "
                + HexFormat.of().formatHex(bytes, 0, Math.min(32, bytes.length)) + (bytes.length > 32 ? "..." : "")
                + "]";
    }
}
