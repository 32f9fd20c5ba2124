package org.cews.lab.ca.request;

import org.cews.lab.ca.CertSrvErrors;
import org.cews.x690.BoundedDer;
import org.cews.x690.DerException;
import org.cews.x690.DerLimits;

/**
 * The bound every client-sent DER blob passes before Bouncy Castle decodes any of it (issue 11 item
 * 5), with the shared bounded reader ({@link BoundedDer}, X.690 §8.1): at most {@link #MAX_LENGTH}
 * bytes and at most {@link #MAX_DEPTH} levels of nesting, counted through constructed values and
 * through OCTET STRING and BIT STRING contents that themselves decode as BER, since Bouncy Castle
 * decodes those later (extension values, eContent, keys) and recurses once per level: 5,000 nested
 * SEQUENCEs in 20 KB overflow a 1 MiB thread stack. BER is read as Bouncy Castle reads it
 * (indefinite lengths closed by end-of-contents).
 *
 * <p>It judges nothing else: where the bytes stop making sense the walk stops, and the precise
 * error (CRYPT_E_ASN1_BADTAG, CRYPT_E_ASN1_EOD) is left to the decoder, which then meets no more
 * nesting than the walk did (both read in document order). A blob over either bound is
 * CRYPT_E_ASN1_LARGE [inferred: "ASN1 value too large"].
 */
public final class RequestBounds {

    /** Far above any request Windows sends (a CMC with key archival and a chain is some 20 KB). */
    public static final int MAX_LENGTH = 256 * 1024;
    /** Real requests nest about 25 levels (CMS, PKIData, PKCS#10, extension, GeneralName). */
    static final int MAX_DEPTH = 64;

    static final DerLimits LIMITS = new DerLimits(MAX_LENGTH, MAX_DEPTH, true, true);

    private RequestBounds() {}

    /** Refuses {@code der} if it is longer or nests deeper than the bounds; returns quietly otherwise. */
    static void check(byte[] der, String what) throws RequestRejected {
        try {
            BoundedDer.check(der, what, LIMITS);
        } catch (DerException e) {
            if (e.reason() != DerException.Reason.MALFORMED) {
                throw new RequestRejected(CertSrvErrors.CRYPT_E_ASN1_LARGE, e.getMessage(), e);
            }
            // malformed within the bounds: the decoder names the error
        }
    }
}
