package org.cews.ces.pki;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;
import org.cews.x690.BoundedDer;
import org.cews.x690.DerException;
import org.cews.x690.DerLimits;

/**
 * The bounded look at DER that comes before Bouncy Castle parses anything: the shared bounded
 * reader ({@link BoundedDer}, X.690 §8.1) with this WAR's limits, a size cap and a nesting limit
 * over an iterative walk of every tag-length-value. Bouncy Castle's parser recurses once per
 * constructed level, so 20 KB of nested SEQUENCEs would end in a StackOverflowError; here
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

    private final DerLimits limits;

    public DerPrecheck(int maxBytes, int maxDepth) {
        this.limits = DerLimits.der(maxBytes, maxDepth);
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

    /** Holds {@code der} to the limits with the shared bounded reader, without recursion. */
    public void check(byte[] der) throws InspectionException {
        try {
            BoundedDer.check(der, "certificate request", limits);
        } catch (DerException e) {
            throw switch (e.reason()) {
                case TOO_LONG -> new InspectionException(
                        HResult.ERROR_INVALID_DATA, CesMessage.CES0201, limits.maxLength(), der.length);
                case TOO_DEEP -> new InspectionException(
                        HResult.ERROR_INVALID_DATA, CesMessage.CES0202, limits.maxDepth());
                case MALFORMED -> malformed(e.offset(), e.detail());
            };
        }
    }

    private static InspectionException malformed(int offset, String what) {
        return new InspectionException(HResult.ERROR_INVALID_DATA, CesMessage.CES0203, offset, what);
    }
}
