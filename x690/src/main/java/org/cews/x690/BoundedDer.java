package org.cews.x690;

/**
 * The walk every client-sent encoding takes before a recursive parser sees it. ITU-T X.690 §8.1:
 * a value is an identifier (§8.1.2; bit 6 set for a constructed value, tag number 31 followed by
 * base-128 octets in the high-tag-number form, §8.1.2.4, here at most four), a length (§8.1.3:
 * one octet below 0x80, or 0x81-0x84 followed by that many octets; 0x80 the indefinite form of
 * §8.1.3.6, closed by the end-of-contents octets 00 00 of §8.1.5) and contents; a constructed
 * value's contents are further values (§8.1.2.5).
 *
 * <p>The walk keeps one frame per open constructed value in arrays of {@link DerLimits#maxDepth()}
 * entries, so it cannot recurse and refuses the first level past the bound; it recurses only into
 * encapsulated contents ({@link DerLimits#encapsulated()}), each of which counts as a level, so
 * its own depth stays within the bound too. It checks that every length fits inside its container
 * and that one value fills the input exactly. It does not check the finer DER rules (minimal
 * lengths, §10.1; sorted SET OF, §11.6): the parser after it does what it needs of those.
 */
public final class BoundedDer {

    private static final int CONSTRUCTED = 0x20;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;

    private final byte[] der;
    private final String what;
    private final DerLimits limits;

    private BoundedDer(byte[] der, String what, DerLimits limits) {
        this.der = der;
        this.what = what;
        this.limits = limits;
    }

    /**
     * Returns quietly when {@code der} is one value within {@code limits}; {@code what} names the
     * input in messages ("request", "CMC request", ...).
     */
    public static void check(byte[] der, String what, DerLimits limits) throws DerException {
        if (der.length > limits.maxLength()) {
            throw new DerException(
                    DerException.Reason.TOO_LONG,
                    0,
                    "at most " + limits.maxLength() + " octets, actual: " + der.length,
                    DerMessage.X6900101.format(what, limits.maxLength(), der.length));
        }
        BoundedDer walk = new BoundedDer(der, what, limits);
        if (der.length == 0) {
            throw walk.malformed(0, "one value", "no octets");
        }
        walk.region(0, der.length, 0, true);
    }

    /** The values of {@code [start, end)}, {@code base} levels down: exactly one if {@code single}. */
    private void region(int start, int end, int base, boolean single) throws DerException {
        int[] ends = new int[limits.maxDepth() + 1];
        boolean[] indefinite = new boolean[limits.maxDepth() + 1];
        int level = 0;
        ends[0] = end;
        int pos = start;
        boolean first = true;
        while (true) {
            while (level > 0 && !indefinite[level] && pos == ends[level]) {
                level--;
            }
            if (level == 0) {
                if (pos == end && !first) {
                    return;
                }
                if (single && !first) {
                    throw malformed(pos, "one value", (end - pos) + " octets after the value");
                }
                first = false;
            }
            if (pos >= ends[level]) {
                throw malformed(pos, "an end-of-contents or another value", "end of data");
            }
            Header h = header(der, pos, ends[level], this);
            if (h.identifier() == 0 && h.length() == 0 && indefinite[level]) {
                pos = h.contentStart(); // end-of-contents (§8.1.5) closes the indefinite value
                level--;
                continue;
            }
            boolean constructed = (h.identifier() & CONSTRUCTED) != 0;
            if (h.length() < 0) {
                if (!limits.indefiniteLengths()) {
                    throw malformed(pos, "a definite length (DER, X.690 §10.1)", "indefinite");
                }
                if (!constructed) {
                    throw malformed(pos, "a definite length on a primitive value (§8.1.3.2)", "indefinite");
                }
                level = push(level, base);
                ends[level] = ends[level - 1];
                indefinite[level] = true;
                pos = h.contentStart();
                continue;
            }
            int contentEnd = h.contentStart() + (int) h.length();
            if (constructed) {
                level = push(level, base);
                ends[level] = contentEnd;
                indefinite[level] = false;
                pos = h.contentStart();
            } else {
                if (limits.encapsulated()
                        && !h.highTag()
                        && (h.identifier() == OCTET_STRING || h.identifier() == BIT_STRING)) {
                    // a BIT STRING's first contents octet counts its unused bits (§8.6.2.2)
                    encapsulated(
                            h.identifier() == BIT_STRING ? h.contentStart() + 1 : h.contentStart(),
                            contentEnd,
                            base + level + 1);
                }
                pos = contentEnd;
            }
        }
    }

    /** Contents that start like a constructed value are walked as one more level; else opaque. */
    private void encapsulated(int start, int end, int depth) throws DerException {
        if (start >= end || (der[start] & CONSTRUCTED) == 0) {
            return;
        }
        if (depth > limits.maxDepth()) {
            throw tooDeep();
        }
        try {
            region(start, end, depth, false);
        } catch (DerException e) {
            if (e.reason() != DerException.Reason.MALFORMED) {
                throw e;
            }
            // not an encoding after all: opaque contents, as a parser would leave them
        }
    }

    private int push(int level, int base) throws DerException {
        if (base + level + 1 > limits.maxDepth()) {
            throw tooDeep();
        }
        return level + 1;
    }

    private DerException tooDeep() {
        return new DerException(
                DerException.Reason.TOO_DEEP,
                0,
                "at most " + limits.maxDepth() + " levels, actual: more",
                DerMessage.X6900102.format(what, limits.maxDepth()));
    }

    DerException malformed(int offset, String expected, String actual) {
        String form = limits.indefiniteLengths() ? "BER" : "DER";
        return new DerException(
                DerException.Reason.MALFORMED,
                offset,
                expected + ", actual: " + actual,
                DerMessage.X6900103.format(what, form, offset, expected, actual));
    }

    /** An identifier and a length (§8.1.2, §8.1.3); {@code length} is -1 for the indefinite form. */
    record Header(int identifier, boolean highTag, int contentStart, long length) {}

    /** The header at {@code pos}, its length within {@code end}; the tag number in at most four octets. */
    static Header header(byte[] b, int pos, int end, BoundedDer errors) throws DerException {
        int start = pos;
        int identifier = b[pos++] & 0xFF;
        boolean highTag = (identifier & 0x1F) == 0x1F;
        if (highTag) {
            int octets = 0;
            int next;
            do {
                if (pos >= end || ++octets > 4) {
                    throw errors.malformed(start, "a tag number in at most four octets (§8.1.2.4)", "more");
                }
                next = b[pos++] & 0xFF;
            } while ((next & 0x80) != 0);
        }
        if (pos >= end) {
            throw errors.malformed(start, "a length", "end of data");
        }
        int first = b[pos++] & 0xFF;
        if (first == 0x80) {
            return new Header(identifier, highTag, pos, -1);
        }
        long length = first;
        if (first > 0x80) {
            int octets = first & 0x7F;
            if (octets > 4 || octets > end - pos) {
                throw errors.malformed(start, "a length in at most four octets within the data", octets + " octets");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (b[pos++] & 0xFF);
            }
        }
        if (length > end - pos) {
            throw errors.malformed(start, "contents within " + (end - pos) + " octets", length + " octets");
        }
        return new Header(identifier, highTag, pos, length);
    }

    /** For {@link Tlv}: errors about {@code what} under {@code limits}. */
    static BoundedDer errors(String what, DerLimits limits) {
        return new BoundedDer(new byte[0], what, limits);
    }
}
