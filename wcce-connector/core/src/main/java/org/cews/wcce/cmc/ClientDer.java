package org.cews.wcce.cmc;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.cews.x690.BoundedDer;
import org.cews.x690.DerException;
import org.cews.x690.DerLimits;

/**
 * The one gate client bytes pass before Bouncy Castle parses them. Bouncy Castle's ASN.1 parser
 * recurses once per nesting level, so a request of a few kilobytes made of nested SEQUENCEs ends
 * in a {@link StackOverflowError}; the shared bounded reader ({@link BoundedDer}, X.690 §8.1)
 * walks it first within this package's limits: at most {@link #MAX_LENGTH} octets and
 * {@link #MAX_DEPTH} nested constructed values, one value filling the input. BER's indefinite
 * lengths are accepted because CMS producers use them. Contents of primitive values (an OCTET
 * STRING holding another encoding) are not walked: whoever parses them passes them through here
 * again.
 */
final class ClientDer {

    /** A certification request with its chain and CMC controls is some kilobytes; key archival some more. */
    static final int MAX_LENGTH = 256 * 1024;

    /**
     * A CMS around a CMC around a PKCS#10 with certificates nests about 12 deep (ContentInfo,
     * SignedData, certificates, Certificate, TBSCertificate, extensions, Extension, ...).
     */
    static final int MAX_DEPTH = 32;

    static final DerLimits LIMITS = new DerLimits(MAX_LENGTH, MAX_DEPTH, true, false);

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

    /** Throws unless {@code der} is one value within the bounds above. */
    static void check(byte[] der, String what) throws OnBehalfOfException {
        if (der == null) {
            throw new OnBehalfOfException(what + " (expected: DER, actual: none)");
        }
        try {
            BoundedDer.check(der, what, LIMITS);
        } catch (DerException e) {
            throw new OnBehalfOfException(e.getMessage(), e);
        }
    }
}
