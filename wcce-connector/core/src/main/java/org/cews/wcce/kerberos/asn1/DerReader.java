package org.cews.wcce.kerberos.asn1;

import java.util.Optional;

/**
 * Reads consecutive DER TLVs (X.690 §8.1, §10.1) from a bounded region of a byte array. Only the
 * low-tag-number form and definite lengths are accepted; every length is checked against what is
 * left, so hostile input ends in a {@link DerException}, never in a large allocation.
 */
public final class DerReader {

    private final byte[] source;
    private final int end;
    private int position;

    public DerReader(byte[] source) {
        this(source, 0, source.length);
    }

    public DerReader(byte[] source, int start, int end) {
        if (start < 0 || end > source.length || start > end) {
            throw new IllegalArgumentException("region [" + start + ", " + end + ") of " + source.length);
        }
        this.source = source;
        this.position = start;
        this.end = end;
    }

    /** Reads the single value that must make up all of {@code bytes}. */
    public static DerValue readSingle(byte[] bytes, int expectedTag) throws DerException {
        DerReader reader = new DerReader(bytes);
        DerValue value = reader.read(expectedTag);
        reader.expectEnd();
        return value;
    }

    public boolean hasMore() {
        return position < end;
    }

    /** The tag of the next value, or -1 at the end. */
    public int peekTag() {
        return hasMore() ? source[position] & 0xFF : -1;
    }

    public DerValue read() throws DerException {
        int start = position;
        if (!hasMore()) {
            throw new DerException("DER value (expected: a tag, actual: end of data)");
        }
        int tag = source[position++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new DerException("tag (expected: low-tag-number form, actual: " + Der.hex(tag) + ")");
        }
        long length = readLength();
        long left = end - position;
        if (length > left) {
            throw new DerException(
                    "length of " + Der.hex(tag) + " (expected: <= " + left + ", actual: " + length + ")");
        }
        int contentStart = position;
        position += (int) length;
        return new DerValue(tag, source, start, contentStart, position);
    }

    public DerValue read(int expectedTag) throws DerException {
        if (!hasMore()) {
            throw new DerException("tag (expected: " + Der.hex(expectedTag) + ", actual: end of data)");
        }
        if (peekTag() != expectedTag) {
            throw new DerException("tag (expected: " + Der.hex(expectedTag) + ", actual: " + Der.hex(peekTag()) + ")");
        }
        return read();
    }

    /** The contents of an EXPLICIT {@code [n]} field: the single value inside it. */
    public DerValue readExplicit(int n) throws DerException {
        DerValue wrapper = read(Der.context(n));
        DerReader inner = wrapper.contents();
        DerValue value = inner.read();
        inner.expectEnd();
        return value;
    }

    /** An optional EXPLICIT {@code [n]} field: present if the next tag is {@code [n]}. */
    public Optional<DerValue> readOptionalExplicit(int n) throws DerException {
        return peekTag() == Der.context(n) ? Optional.of(readExplicit(n)) : Optional.empty();
    }

    public void expectEnd() throws DerException {
        if (hasMore()) {
            throw new DerException("end of value (expected: no more bytes, actual: " + (end - position) + " left)");
        }
    }

    private long readLength() throws DerException {
        if (!hasMore()) {
            throw new DerException("length (expected: a length octet, actual: end of data)");
        }
        int first = source[position++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7F;
        if (count == 0) {
            throw new DerException("length (expected: definite form, actual: indefinite)");
        }
        if (count > 4) {
            throw new DerException("length octets (expected: <= 4, actual: " + count + ")");
        }
        if (count > end - position) {
            throw new DerException("length octets (expected: " + count + ", actual: " + (end - position) + " left)");
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (source[position++] & 0xFF);
        }
        return length;
    }
}
