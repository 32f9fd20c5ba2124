package org.cews.wcce.cmc;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * The one gate client bytes pass before Bouncy Castle parses them. Bouncy Castle's ASN.1 parser
 * recurses once per nesting level, so a request of a few kilobytes made of nested SEQUENCEs ends
 * in a {@link StackOverflowError}. This walks the TLVs (X.690 8.1: identifier, length, contents)
 * with an explicit stack instead: at most {@link #MAX_LENGTH} octets, at most {@link #MAX_DEPTH}
 * nested constructed values, every length inside its container, nothing after the one top-level
 * value. BER's indefinite lengths (X.690 8.1.3.6, closed by end-of-contents) are accepted because
 * CMS producers use them. Contents of primitive values (an OCTET STRING holding another
 * encoding) are not walked: whoever parses them passes them through here again.
 */
final class ClientDer {

    /** A certification request with its chain and CMC controls is some kilobytes; key archival some more. */
    static final int MAX_LENGTH = 256 * 1024;

    /**
     * A CMS around a CMC around a PKCS#10 with certificates nests about 12 deep (ContentInfo,
     * SignedData, certificates, Certificate, TBSCertificate, extensions, Extension, ...).
     */
    static final int MAX_DEPTH = 32;

    private ClientDer() {}

    /** {@code der} (named {@code what} in messages) checked and then parsed. */
    static ASN1Primitive parse(byte[] der, String what) throws OnBehalfOfException {
        check(der, what);
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw new OnBehalfOfException(what + " (expected: DER, actual: " + e.getMessage() + ")", e);
        }
    }

    /** Throws unless {@code der} is one TLV within the bounds above. */
    static void check(byte[] der, String what) throws OnBehalfOfException {
        if (der == null || der.length == 0) {
            throw new OnBehalfOfException(what + " (expected: DER, actual: empty)");
        }
        if (der.length > MAX_LENGTH) {
            throw new OnBehalfOfException(
                    what + " length (expected: at most " + MAX_LENGTH + " octets, actual: " + der.length + ")");
        }
        int[] limit = new int[MAX_DEPTH + 1]; // where the value open at each depth ends
        boolean[] indefinite = new boolean[MAX_DEPTH + 1];
        limit[0] = der.length;
        int depth = 0;
        int pos = 0;
        boolean topRead = false;
        while (true) {
            while (depth > 0 && !indefinite[depth] && pos == limit[depth]) {
                depth--;
            }
            if (depth == 0 && topRead) {
                if (pos != der.length) {
                    throw bad(what, "one value", (der.length - pos) + " octets after it");
                }
                return;
            }
            topRead = topRead || depth == 0;
            if (pos >= limit[depth]) {
                throw bad(what, "an end-of-contents or another value", "end of data at offset " + pos);
            }
            int identifier = der[pos++] & 0xFF;
            if ((identifier & 0x1F) == 0x1F) { // high tag number: base-128, at most four octets
                int octets = 0;
                int b;
                do {
                    if (pos >= limit[depth] || ++octets > 4) {
                        throw bad(what, "a tag number of at most four octets", "more at offset " + pos);
                    }
                    b = der[pos++] & 0xFF;
                } while ((b & 0x80) != 0);
            }
            if (pos >= limit[depth]) {
                throw bad(what, "a length", "end of data at offset " + pos);
            }
            int first = der[pos++] & 0xFF;
            boolean constructed = (identifier & 0x20) != 0;
            if (identifier == 0 && first == 0 && indefinite[depth]) {
                depth--; // end-of-contents closes the indefinite value
                continue;
            }
            if (first == 0x80) {
                if (!constructed) {
                    throw bad(what, "a definite length on a primitive value", "indefinite at offset " + pos);
                }
                depth = push(depth, what);
                limit[depth] = limit[depth - 1];
                indefinite[depth] = true;
                continue;
            }
            long length = first;
            if (first > 0x80) {
                int octets = first & 0x7F;
                if (octets > 4) {
                    throw bad(what, "a length of at most four octets", octets + " octets at offset " + pos);
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    if (pos >= limit[depth]) {
                        throw bad(what, "a length", "end of data at offset " + pos);
                    }
                    length = length << 8 | (der[pos++] & 0xFF);
                }
            }
            if (length > limit[depth] - pos) {
                throw bad(what, "a length within " + (limit[depth] - pos) + " octets", length + " at offset " + pos);
            }
            if (constructed) {
                depth = push(depth, what);
                limit[depth] = pos + (int) length;
                indefinite[depth] = false;
            } else {
                pos += (int) length;
            }
        }
    }

    private static int push(int depth, String what) throws OnBehalfOfException {
        if (depth == MAX_DEPTH) {
            throw new OnBehalfOfException(what + " nesting (expected: at most " + MAX_DEPTH + " levels, actual: more)");
        }
        return depth + 1;
    }

    private static OnBehalfOfException bad(String what, String expected, String actual) {
        return new OnBehalfOfException(what + " (expected: " + expected + ", actual: " + actual + ")");
    }
}
