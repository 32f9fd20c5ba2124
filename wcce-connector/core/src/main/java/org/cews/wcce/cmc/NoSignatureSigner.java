package org.cews.wcce.cmc;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cmc.CertificationRequest;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * RFC 5272 Appendix C.1, the No-Signature Signature Mechanism: algorithm id-alg-noSignature with
 * NULL parameters, and as the value the hash of the certification request (SHA-1, as RFC 6402
 * settles it; receivers ignore it). It stands in the first SignerInfo of an on-behalf-of CMC
 * ([MS-WCCE] 3.1.1.4.3.3.3), where the agent, not holding the requester's key, cannot sign in the
 * requested key's name.
 */
final class NoSignatureSigner implements ContentSigner {

    private final byte[] value;

    NoSignatureSigner(CertificationRequest request) throws OnBehalfOfException {
        try {
            value = MessageDigest.getInstance("SHA-1").digest(request.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new OnBehalfOfException("PKCS#10 (expected: DER-encodable, actual: " + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return new AlgorithmIdentifier(CmcOids.NO_SIGNATURE, DERNull.INSTANCE);
    }

    /** What would be signed is not used: the value is fixed by the request. */
    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public byte[] getSignature() {
        return value.clone();
    }
}
