package org.cews.lab.ca.request;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestType;

/**
 * Decodes {@code pctbRequest} ([MS-WCCE] 3.2.1.4.2.1.4): a ContentInfo is CMS (with PKCS#10 or
 * CMC inside), anything else a PKCS#10. A RequestType other than 0 must match the format, else
 * CRYPT_E_INVALID_MSG_TYPE; CR_IN_PKCS7 and CR_IN_CMC both accept either CMS content, since both
 * travel as CMS. KEYGEN and the challenge-response and SCT types are not supported by the lab.
 */
public final class RequestParser {

    private RequestParser() {}

    public static ParsedRequest parse(byte[] der, RequestType type) throws RequestRejected {
        ASN1Sequence top = Der.sequence(der, "request");
        boolean cms = top.size() > 0 && top.getObjectAt(0) instanceof ASN1ObjectIdentifier;
        try {
            if (cms) {
                requireType(type, "CMS", RequestType.ANY, RequestType.PKCS7, RequestType.CMC);
                ASN1ObjectIdentifier contentType = (ASN1ObjectIdentifier) top.getObjectAt(0);
                if (!contentType.equals(CMSObjectIdentifiers.signedData)) {
                    throw new RequestRejected(
                            HResult.CRYPT_E_INVALID_MSG_TYPE,
                            "ContentInfo contentType (expected: id-signedData, actual: " + contentType + ")");
                }
                return CmsRequestReader.read(der);
            }
            requireType(type, "PKCS#10", RequestType.ANY, RequestType.PKCS10);
            Pkcs10Request pkcs10 = Pkcs10Request.read(der);
            pkcs10.verifyProofOfPossession(false);
            return new ParsedRequest(RequestFormat.PKCS10, pkcs10, java.util.List.of(), RequestAttributes.NONE);
        } catch (RuntimeException e) {
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_BADTAG, "request (expected: decodable, actual: " + e + ")", e);
        }
    }

    private static void requireType(RequestType type, String found, RequestType... allowed) throws RequestRejected {
        for (RequestType t : allowed) {
            if (t.equals(type)) {
                return;
            }
        }
        throw new RequestRejected(
                HResult.CRYPT_E_INVALID_MSG_TYPE,
                "RequestType (expected: one for " + found + ", actual: " + type + ")");
    }
}
