package org.cews.lab.ca.request;

import java.io.EOFException;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.cews.lab.ca.CertSrvErrors;

/**
 * Reads a request blob as one DER SEQUENCE, mapping decoder failures to the HRESULTs AD CS reports
 * under "Error Parsing Request": truncation (a length past the end) is CRYPT_E_ASN1_EOD, anything else (a bad tag, trailing
 * bytes, not a SEQUENCE) CRYPT_E_ASN1_BADTAG. The one door through which client DER reaches Bouncy
 * Castle in the lab: every blob is first held to {@link RequestBounds}' size and nesting bounds.
 */
final class Der {

    private Der() {}

    /** BC reports a length past the end as "out of bounds length" or a short read as EOF. */
    private static boolean truncated(IOException e) {
        String m = String.valueOf(e.getMessage());
        return e instanceof EOFException || m.contains("out of bounds length") || m.contains("truncated");
    }

    static ASN1Sequence sequence(byte[] der, String what) throws RequestRejected {
        RequestBounds.check(der, what);
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(der);
        } catch (IOException e) {
            if (!truncated(e)) {
                throw new RequestRejected(
                        CertSrvErrors.CRYPT_E_ASN1_BADTAG,
                        what + " (expected: DER, actual: " + e.getMessage() + ")",
                        e);
            }
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_EOD,
                    what + " (expected: complete DER, actual: " + e.getMessage() + ")",
                    e);
        } catch (RuntimeException e) {
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_BADTAG, what + " (expected: DER, actual: " + e.getMessage() + ")", e);
        }
        if (primitive == null) {
            throw new RequestRejected(CertSrvErrors.CRYPT_E_ASN1_EOD, what + " (expected: DER, actual: no bytes)");
        }
        if (!(primitive instanceof ASN1Sequence sequence)) {
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_BADTAG,
                    what + " (expected: SEQUENCE, actual: "
                            + primitive.getClass().getSimpleName() + ")");
        }
        return sequence;
    }
}
