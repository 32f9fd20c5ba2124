package org.cews.lab.ca.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.x509.Attribute;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.MsOids;
import org.cews.wcce.msicpr.HResult;

/**
 * The PKIData of a CMC request ([MS-WCCE] 3.2.1.4.2.1.4.1.3, RFC 2797 3.1): exactly one
 * TaggedCertificationRequest, and the attributes of its control sequence: RegInfo (id-cmc-regInfo,
 * "Name=Value&amp;..." per [MS-WCCE] 2.2.2.6.3), name-value pairs given directly, and name-value
 * pairs inside szOID_CMC_ADD_ATTRIBUTES ({@code SEQUENCE { dataReference, certReferences,
 * attributes }}, as Windows certreq sends its client information).
 */
record CmcContent(byte[] certificationRequest, RequestAttributes attributes) {

    static final ASN1ObjectIdentifier PKI_DATA = CMCObjectIdentifiers.id_cct_PKIData;

    static CmcContent read(byte[] eContent) throws RequestRejected {
        PKIData data;
        try {
            data = PKIData.getInstance(Der.sequence(eContent, "PKIData"));
        } catch (RuntimeException e) {
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_BADTAG,
                    "PKIData (expected: RFC 2797 PKIData, actual: " + e.getMessage() + ")",
                    e);
        }
        TaggedRequest[] requests = data.getReqSequence();
        if (requests.length != 1 || requests[0].getTagNo() != TaggedRequest.TCR) {
            throw new RequestRejected(
                    HResult.ERROR_INVALID_DATA,
                    "PKIData reqSequence (expected: exactly one PKCS#10, actual: " + requests.length + " requests)");
        }
        byte[] pkcs10;
        try {
            pkcs10 = TaggedCertificationRequest.getInstance(requests[0].getValue())
                    .getCertificationRequest()
                    .getEncoded();
        } catch (IOException | RuntimeException e) {
            throw new RequestRejected(HResult.ERROR_INVALID_DATA, "tcr (expected: PKCS#10, actual: " + e + ")", e);
        }
        RequestAttributes attributes = RequestAttributes.NONE;
        for (TaggedAttribute control : data.getControlSequence()) {
            attributes = attributes.plus(controlAttributes(control));
        }
        return new CmcContent(pkcs10, attributes);
    }

    private static RequestAttributes controlAttributes(TaggedAttribute control) throws RequestRejected {
        ASN1ObjectIdentifier type = control.getAttrType();
        RequestAttributes found = RequestAttributes.NONE;
        if (type.equals(CMCObjectIdentifiers.id_cmc_regInfo)) {
            for (ASN1Encodable v : control.getAttrValues()) {
                if (v instanceof ASN1OctetString s) {
                    found = found.plus(
                            RequestAttributes.parseRegInfo(new String(s.getOctets(), StandardCharsets.UTF_8)));
                }
            }
        } else if (type.equals(MsOids.NAME_VALUE_PAIR)) {
            found = NameValuePairs.decode(control.getAttrValues());
        } else if (type.equals(MsOids.CMC_ADD_ATTRIBUTES)) {
            for (ASN1Encodable v : control.getAttrValues()) {
                if (v instanceof ASN1Sequence info && info.size() == 3 && info.getObjectAt(2) instanceof ASN1Set set) {
                    for (ASN1Encodable a : set) {
                        Attribute attribute = Attribute.getInstance(a);
                        if (attribute.getAttrType().equals(MsOids.NAME_VALUE_PAIR)) {
                            found = found.plus(NameValuePairs.decode(attribute.getAttrValues()));
                        }
                    }
                }
            }
        }
        return found;
    }
}
