package org.cews.lab.ca.request;

import org.cews.lab.ca.CertSrvErrors;

// TODO(issue 11 item 5): merge with the connector's bounded DER reader
/**
 * The bound every client-sent DER blob passes before Bouncy Castle decodes any of it (issue 11 item
 * 5): at most {@link #MAX_LENGTH} bytes and at most {@link #MAX_DEPTH} levels of nesting, counted
 * through constructed values (X.690 8.1.2.5) and through OCTET STRING and BIT STRING contents that
 * themselves decode as DER, since Bouncy Castle decodes those later (extension values, eContent,
 * keys) and recurses once per level: 5,000 nested SEQUENCEs in 20 KB overflow a 1 MiB thread stack.
 *
 * <p>The walk is iterative over constructed values (a frame per level, at most {@link #MAX_DEPTH})
 * and recursive only into encapsulated contents, each of which adds a level, so neither the walk nor
 * what follows it can go deeper than the bound. It reads BER as Bouncy Castle does (high tag
 * numbers, definite lengths in up to four octets, indefinite lengths closed by end-of-contents).
 * It judges nothing else: where the bytes stop making sense it stops and leaves the precise error
 * (CRYPT_E_ASN1_BADTAG, CRYPT_E_ASN1_EOD) to the decoder, which then meets no more nesting than the
 * walk did. A blob over either bound is CRYPT_E_ASN1_LARGE [inferred: "ASN1 value too large"].
 */
public final class BoundedDer {

    /** Far above any request Windows sends (a CMC with key archival and a chain is some 20 KB). */
    public static final int MAX_LENGTH = 256 * 1024;
    /** Real requests nest about 25 levels (CMS, PKIData, PKCS#10, extension, GeneralName). */
    static final int MAX_DEPTH = 64;

    private static final int OCTET_STRING = 0x04;
    private static final int BIT_STRING = 0x03;
    private static final int CONSTRUCTED = 0x20;

    private final byte[] der;
    private final String what;

    private BoundedDer(byte[] der, String what) {
        this.der = der;
        this.what = what;
    }

    /** Refuses {@code der} if it is longer or nests deeper than the bounds; returns quietly otherwise. */
    static void check(byte[] der, String what) throws RequestRejected {
        if (der.length > MAX_LENGTH) {
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_LARGE,
                    what + " length (expected: <= " + MAX_LENGTH + " bytes, actual: " + der.length + ")");
        }
        new BoundedDer(der, what).walk(0, der.length, 0);
    }

    /** The region's values, {@code depth} levels down; false where the bytes stop being BER. */
    private boolean walk(int start, int end, int depth) throws RequestRejected {
        int[] ends = new int[MAX_DEPTH + 1];
        boolean[] indefinite = new boolean[MAX_DEPTH + 1];
        int level = 0;
        ends[0] = end;
        int pos = start;
        while (true) {
            while (level > 0 && closes(pos, ends[level], indefinite[level])) {
                pos += indefinite[level] ? 2 : 0;
                level--;
            }
            if (pos >= ends[level]) {
                return level == 0;
            }
            int limit = ends[level];
            int first = der[pos++] & 0xFF;
            if ((first & 0x1F) == 0x1F) {
                int octets = 0;
                while (pos < limit && (der[pos] & 0x80) != 0 && octets < 4) {
                    pos++;
                    octets++;
                }
                if (pos >= limit || (der[pos] & 0x80) != 0) {
                    return false;
                }
                pos++;
            }
            if (pos >= limit) {
                return false;
            }
            int lengthOctet = der[pos++] & 0xFF;
            boolean constructed = (first & CONSTRUCTED) != 0;
            long length;
            if (lengthOctet == 0x80) {
                if (!constructed) {
                    return false;
                }
                length = -1;
            } else if (lengthOctet > 0x80) {
                int count = lengthOctet & 0x7F;
                if (count > 4 || count > limit - pos) {
                    return false;
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (der[pos++] & 0xFF);
                }
            } else {
                length = lengthOctet;
            }
            if (length > limit - pos) {
                return false;
            }
            if (constructed) {
                if (depth + level + 1 > MAX_DEPTH) {
                    throw tooDeep();
                }
                level++;
                indefinite[level] = length < 0;
                ends[level] = length < 0 ? limit : pos + (int) length;
            } else {
                int contentEnd = pos + (int) length;
                if (first == OCTET_STRING || first == BIT_STRING) {
                    encapsulated(first == BIT_STRING ? pos + 1 : pos, contentEnd, depth + level + 1);
                }
                pos = contentEnd;
            }
        }
    }

    /** Contents that decode as BER are walked as one more level; anything else is opaque. */
    private void encapsulated(int start, int end, int depth) throws RequestRejected {
        if (start < end && (der[start] & CONSTRUCTED) != 0) {
            if (depth > MAX_DEPTH) {
                throw tooDeep();
            }
            walk(start, end, depth);
        }
    }

    private boolean closes(int pos, int end, boolean indefinite) {
        if (!indefinite) {
            return pos >= end;
        }
        return pos + 1 < end && der[pos] == 0 && der[pos + 1] == 0;
    }

    private RequestRejected tooDeep() {
        return new RequestRejected(
                CertSrvErrors.CRYPT_E_ASN1_LARGE,
                what + " nesting (expected: <= " + MAX_DEPTH + " levels, actual: more)");
    }
}
