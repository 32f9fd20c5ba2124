package org.cews.soap.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The little of DER (ITU-T X.690 §8, §10) the certificate names need: one element's tag and
 * contents, the children of a constructed element, strings and OIDs. Bounded by the input: a
 * length past the end, or an indefinite length, is a {@link DerException}, never an index error.
 */
record Der(int tag, byte[] content) {

    /** Malformed DER. */
    static final class DerException extends Exception {
        private static final long serialVersionUID = 1L;

        DerException(String message) {
            super(message);
        }
    }

    static Der read(byte[] in) throws DerException {
        List<Der> all = readAll(in);
        if (all.size() != 1) {
            throw new DerException("DER element (expected: exactly one, actual: " + all.size() + ")");
        }
        return all.get(0);
    }

    /** The consecutive elements of {@code in}. */
    static List<Der> readAll(byte[] in) throws DerException {
        List<Der> out = new ArrayList<>();
        int at = 0;
        while (at < in.length) {
            int tag = in[at++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new DerException("DER tag (expected: low-tag-number form, actual: high-tag-number form)");
            }
            if (at >= in.length) {
                throw new DerException("DER length (expected: a length octet, actual: end of input)");
            }
            int first = in[at++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int octets = first & 0x7f;
                if (octets == 0 || octets > 3 || at + octets > in.length) {
                    throw new DerException("DER length (expected: 1-3 length octets within the input, actual: "
                            + (octets == 0 ? "indefinite" : octets + "") + ")");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (in[at++] & 0xff);
                }
            }
            if (length > in.length - at) {
                throw new DerException(
                        "DER contents (expected: " + length + " octets, actual: " + (in.length - at) + ")");
            }
            byte[] content = new byte[(int) length];
            System.arraycopy(in, at, content, 0, content.length);
            at += content.length;
            out.add(new Der(tag, content));
        }
        return out;
    }

    List<Der> children() throws DerException {
        if ((tag & 0x20) == 0) {
            throw new DerException(
                    "DER element 0x" + Integer.toHexString(tag) + " (expected: constructed, actual: primitive)");
        }
        return readAll(content);
    }

    /** The one child of an explicitly tagged element. */
    Der explicit() throws DerException {
        List<Der> children = children();
        if (children.size() != 1) {
            throw new DerException("explicit tag (expected: one element, actual: " + children.size() + ")");
        }
        return children.get(0);
    }

    /** An OBJECT IDENTIFIER's dotted form (X.690 §8.19). */
    String oid() throws DerException {
        if (tag != 0x06 || content.length == 0) {
            throw new DerException(
                    "OBJECT IDENTIFIER (expected: tag 0x06, actual: 0x" + Integer.toHexString(tag) + ")");
        }
        StringBuilder text = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7f);
            if (value > Long.MAX_VALUE >> 8) {
                throw new DerException("OBJECT IDENTIFIER arc too large");
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

    /** The text of a string type (UTF8String, IA5String, PrintableString) or an OCTET STRING of text. */
    String text() throws DerException {
        return switch (tag) {
            case 0x0c, 0x04 -> new String(content, StandardCharsets.UTF_8);
            case 0x16, 0x13 -> new String(content, StandardCharsets.US_ASCII);
            default -> throw new DerException(
                    "string (expected: UTF8String, IA5String, PrintableString or OCTET STRING," + " actual: tag 0x"
                            + Integer.toHexString(tag) + ")");
        };
    }
}
