package org.cews.x690;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One value read a level at a time, for callers that take a few known fields out of a small
 * encoding (a certificate extension): its identifier octet (low-tag-number form, X.690 §8.1.2.2)
 * and its contents. {@link #read} first holds the whole input to the caller's limits with
 * {@link BoundedDer}; {@link #children()} then reads one level of what that walk accepted.
 */
public record Tlv(int tag, byte[] content) {

    private static final DerLimits CHILDREN = DerLimits.der(Integer.MAX_VALUE, 1);

    /** {@code in}, one value within {@code limits}, named {@code what} in messages. */
    public static Tlv read(byte[] in, String what, DerLimits limits) throws DerException {
        BoundedDer.check(in, what, limits);
        return values(in, what, limits).get(0);
    }

    /** The values of a constructed value's contents (§8.1.2.5), in order. */
    public List<Tlv> children() throws DerException {
        if ((tag & 0x20) == 0) {
            throw unexpected("DER value", "constructed", "primitive tag 0x" + Integer.toHexString(tag));
        }
        return values(content, "DER value", CHILDREN);
    }

    /** The one value inside an explicitly tagged value. */
    public Tlv explicit() throws DerException {
        List<Tlv> children = children();
        if (children.size() != 1) {
            throw unexpected("explicit tag", "one value", children.size() + " values");
        }
        return children.get(0);
    }

    /** An OBJECT IDENTIFIER's dotted form (§8.19). */
    public String oid() throws DerException {
        if (tag != 0x06 || content.length == 0) {
            throw unexpected("OBJECT IDENTIFIER", "tag 0x06 with contents", "tag 0x" + Integer.toHexString(tag));
        }
        StringBuilder text = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7f);
            if (value > Long.MAX_VALUE >> 8) {
                throw unexpected("OBJECT IDENTIFIER", "arcs below 2^55", "a larger arc");
            }
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                    text.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    text.append('.').append(value);
                }
                value = 0;
            }
        }
        return text.toString();
    }

    /** The text of a UTF8String, IA5String or PrintableString, or of an OCTET STRING of UTF-8. */
    public String text() throws DerException {
        return switch (tag) {
            case 0x0c, 0x04 -> new String(content, StandardCharsets.UTF_8);
            case 0x16, 0x13 -> new String(content, StandardCharsets.US_ASCII);
            default -> throw unexpected(
                    "string",
                    "UTF8String, IA5String, PrintableString or OCTET STRING",
                    "tag 0x" + Integer.toHexString(tag));
        };
    }

    /** A value that is well formed but not what the caller's structure expects there. */
    public static DerException unexpected(String what, String expected, String actual) {
        return new DerException(
                DerException.Reason.MALFORMED,
                0,
                expected + ", actual: " + actual,
                DerMessage.X6900104.format(what, expected, actual));
    }

    /** Consecutive values with definite lengths in the low-tag-number form, filling {@code in}. */
    private static List<Tlv> values(byte[] in, String what, DerLimits limits) throws DerException {
        BoundedDer errors = BoundedDer.errors(what, limits);
        List<Tlv> out = new ArrayList<>();
        int at = 0;
        while (at < in.length) {
            BoundedDer.Header h = BoundedDer.header(in, at, in.length, errors);
            if (h.highTag()) {
                throw errors.malformed(at, "the low-tag-number form (§8.1.2.2)", "the high-tag-number form");
            }
            if (h.length() < 0) {
                throw errors.malformed(at, "a definite length (DER, X.690 §10.1)", "indefinite");
            }
            byte[] value = new byte[(int) h.length()];
            System.arraycopy(in, h.contentStart(), value, 0, value.length);
            at = h.contentStart() + value.length;
            out.add(new Tlv(h.identifier(), value));
        }
        return out;
    }
}
