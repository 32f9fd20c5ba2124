package org.cews.ces.pki;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bouncycastle.asn1.ASN1Primitive;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * The bounded look at DER that comes before Bouncy Castle parses anything: a size cap and an
 * iterative walk over every tag-length-value with a nesting limit. Bouncy Castle's parser recurses
 * once per constructed level, so 20 KB of nested SEQUENCEs would end in a StackOverflowError; here
 * it is a checked {@link InspectionException} (ERROR_INVALID_DATA, as [MS-WCCE] 3.2.1.4.2.1.4.1.2
 * has the CA answer for content it cannot read). Only definite lengths are accepted (DER, X.690
 * 10.1); a value must end inside its parent, and one value must fill the input exactly. Content
 * Bouncy Castle parses later out of an OCTET STRING or an extension value goes through
 * {@link #parse(byte[])} again, so nothing is parsed unchecked.
 */
public final class DerPrecheck {

    /** 256 KiB: far above any real request (a renewal with its chain is about 10 KiB). */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    /** Real requests nest about 12 levels (CMC: ContentInfo ... extension value). */
    public static final int DEFAULT_MAX_DEPTH = 48;

    private final int maxBytes;
    private final int maxDepth;

    public DerPrecheck(int maxBytes, int maxDepth) {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("DER limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    public DerPrecheck() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    /** Checks {@code der}, then parses it with Bouncy Castle. */
    public ASN1Primitive parse(byte[] der) throws InspectionException {
        check(der);
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw malformed(0, String.valueOf(e.getMessage()));
        }
    }

    /** Walks every TLV of {@code der} without recursion. */
    public void check(byte[] der) throws InspectionException {
        if (der.length > maxBytes) {
            throw new InspectionException(HResult.ERROR_INVALID_DATA, CesMessage.CES0201, maxBytes, der.length);
        }
        if (der.length == 0) {
            throw malformed(0, "no bytes");
        }
        Deque<Integer> ends = new ArrayDeque<>();
        int end = der.length;
        int pos = 0;
        boolean first = true;
        while (pos < der.length) {
            if (!first && ends.isEmpty()) {
                throw malformed(pos, "bytes after the value");
            }
            first = false;
            int start = pos;
            int identifier = der[pos++] & 0xFF;
            if ((identifier & 0x1F) == 0x1F) {
                pos = highTagNumber(der, pos, end, start);
            }
            if (pos >= end) {
                throw malformed(start, "length missing");
            }
            int first8 = der[pos++] & 0xFF;
            long length;
            if (first8 < 0x80) {
                length = first8;
            } else if (first8 == 0x80) {
                throw malformed(start, "indefinite length (BER, not DER)");
            } else {
                int n = first8 & 0x7F;
                if (n > 4 || pos + n > end) {
                    throw malformed(start, "length of " + n + " bytes");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (der[pos++] & 0xFF);
                }
            }
            if (length > end - pos) {
                throw malformed(
                        start, "value of " + length + " bytes overruns its container by " + (length - (end - pos)));
            }
            int valueEnd = pos + (int) length;
            if ((identifier & 0x20) != 0) {
                if (ends.size() == maxDepth) {
                    throw new InspectionException(HResult.ERROR_INVALID_DATA, CesMessage.CES0202, maxDepth);
                }
                ends.push(end);
                end = valueEnd;
            } else {
                pos = valueEnd;
            }
            while (pos == end && !ends.isEmpty()) {
                end = ends.pop();
            }
        }
    }

    private static int highTagNumber(byte[] der, int pos, int end, int start) throws InspectionException {
        for (int i = 0; i < 4; i++) {
            if (pos >= end) {
                throw malformed(start, "tag number missing");
            }
            if ((der[pos++] & 0x80) == 0) {
                return pos;
            }
        }
        throw malformed(start, "tag number longer than 4 bytes");
    }

    private static InspectionException malformed(int offset, String what) {
        return new InspectionException(HResult.ERROR_INVALID_DATA, CesMessage.CES0203, offset, what);
    }
}
