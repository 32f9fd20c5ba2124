package org.cews.ces.pki;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * Tells the request formats of [MS-WCCE] 2.2.2.6 apart from the DER alone (ValueType is not
 * trusted, docs/WSTEP.md §2): a SEQUENCE whose first element is a SEQUENCE is a PKCS#10
 * (CertificationRequestInfo first); a ContentInfo with id-signedData is CMS, and its eContentType
 * decides: id-data holds a PKCS#10, id-cct-PKIData is CMC. Every byte string Bouncy Castle parses
 * passes the {@link DerPrecheck} first.
 */
public final class RequestSniffer {

    private final DerPrecheck der;

    public RequestSniffer(DerPrecheck der) {
        this.der = der;
    }

    public CertificateRequest sniff(byte[] request) throws InspectionException {
        ASN1Primitive top = der.parse(request);
        try {
            if (!(top instanceof ASN1Sequence seq) || seq.size() < 2) {
                throw unknown("not a SEQUENCE of two or more values");
            }
            ASN1Encodable first = seq.getObjectAt(0);
            if (first instanceof ASN1Sequence) {
                return new CertificateRequest.Pkcs10(request, pkcs10(top));
            }
            if (!(first instanceof ASN1ObjectIdentifier type)) {
                throw unknown("neither CertificationRequestInfo nor a content type first");
            }
            if (!PKCSObjectIdentifiers.signedData.equals(type)) {
                throw unknown("content type " + type.getId() + " is not signedData");
            }
            CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(seq));
            if (cms.getSignedContent() == null || !(cms.getSignedContent().getContent() instanceof byte[] content)) {
                throw unknown("the SignedData carries no content");
            }
            ASN1ObjectIdentifier eContentType = cms.getSignedContent().getContentType();
            if (PKCSObjectIdentifiers.data.equals(eContentType)) {
                return new CertificateRequest.CmsPkcs10(request, cms, pkcs10(der.parse(content)));
            }
            if (CMCObjectIdentifiers.id_cct_PKIData.equals(eContentType)) {
                return cmc(request, cms, PKIData.getInstance(der.parse(content)));
            }
            throw unknown("eContentType " + eContentType.getId() + " is neither id-data nor id-cct-PKIData");
        } catch (CMSException | RuntimeException e) {
            throw unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static CertificateRequest cmc(byte[] request, CMSSignedData cms, PKIData data) throws InspectionException {
        TaggedRequest[] requests = data.getReqSequence();
        if (requests.length != 1 || requests[0].getTagNo() != TaggedRequest.TCR) {
            throw new InspectionException(
                    HResult.ERROR_INVALID_DATA,
                    CesMessage.CES0208,
                    requests.length == 1 ? "1 request that is not a PKCS#10" : requests.length);
        }
        TaggedCertificationRequest tcr = TaggedCertificationRequest.getInstance(requests[0].getValue());
        PKCS10CertificationRequest csr = pkcs10(tcr.getCertificationRequest().toASN1Primitive());
        return new CertificateRequest.Cmc(request, cms, csr, tcr.getBodyPartID().getID());
    }

    private static PKCS10CertificationRequest pkcs10(ASN1Primitive value) {
        return new PKCS10CertificationRequest(CertificationRequest.getInstance(value));
    }

    private static InspectionException unknown(String why) {
        return new InspectionException(HResult.ERROR_INVALID_DATA, CesMessage.CES0204, why);
    }
}
