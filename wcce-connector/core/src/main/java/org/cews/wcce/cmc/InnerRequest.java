package org.cews.wcce.cmc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CertificationRequest;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.Attribute;

/**
 * The requester's request as the agent wraps it: a bare PKCS#10 ([MS-WCCE] 2.2.2.6.1), or the
 * PKCS#10 inside a CMS over id-data ([MS-WCCE] 3.2.1.4.2.1.4.1.2) or a CMC over id-cct-PKIData
 * (3.2.1.4.2.1.4.1.3), whose control attributes (RegInfo, Windows' client attributes) are kept
 * with their body part ids. The requester's own envelope signature cannot survive re-wrapping;
 * the PKCS#10's signature still proves possession of the key.
 *
 * <p>Refused, because re-signing would change what they mean: an envelope signed with a
 * certificate (a renewal or another agent's request, [MS-WCCE] 3.2.1.4.2.1.4.2), a CMC with other
 * than exactly one PKCS#10 or with nested content, and any {@code requestername} the requester
 * put in the envelope (only the agent names the requester).
 *
 * @param pkcs10 the certification request
 * @param requestId the tcr body part id (1 for a bare PKCS#10)
 * @param controls the CMC control attributes to keep
 */
record InnerRequest(CertificationRequest pkcs10, BodyPartID requestId, List<TaggedAttribute> controls) {

    InnerRequest {
        controls = List.copyOf(controls);
    }

    static InnerRequest read(byte[] der) throws OnBehalfOfException {
        if (der == null || der.length == 0) {
            throw new OnBehalfOfException("request (expected: DER PKCS#10, CMS or CMC, actual: empty)");
        }
        try {
            ASN1Sequence top = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (top.size() == 2 && top.getObjectAt(0) instanceof ASN1ObjectIdentifier type) {
                if (!type.equals(CMSObjectIdentifiers.signedData)) {
                    throw new OnBehalfOfException(
                            "request contentType (expected: id-signedData 1.2.840.113549.1.7.2, actual: " + type + ")");
                }
                return fromSignedData(
                        SignedData.getInstance(ContentInfo.getInstance(top).getContent()));
            }
            return new InnerRequest(CertificationRequest.getInstance(top), new BodyPartID(1), List.of());
        } catch (java.io.IOException | RuntimeException e) {
            throw new OnBehalfOfException(
                    "request (expected: DER PKCS#10, CMS or CMC, actual: " + e.getMessage() + ")", e);
        }
    }

    private static InnerRequest fromSignedData(SignedData signed) throws OnBehalfOfException {
        for (ASN1Encodable e : signed.getSignerInfos()) {
            SignerInfo signer = SignerInfo.getInstance(e);
            if (!signer.getSID().isTagged()) {
                throw signedByCertificate();
            }
        }
        if (signed.getCertificates() != null && signed.getCertificates().size() > 0) {
            throw signedByCertificate();
        }
        ASN1ObjectIdentifier type = signed.getEncapContentInfo().getContentType();
        ASN1Encodable content = signed.getEncapContentInfo().getContent();
        if (!(content instanceof ASN1OctetString octets)) {
            throw new OnBehalfOfException("CMS eContent (expected: the request, actual: absent)");
        }
        if (type.equals(CMSObjectIdentifiers.data)) {
            return new InnerRequest(
                    CertificationRequest.getInstance(ASN1Sequence.getInstance(octets.getOctets())),
                    new BodyPartID(1),
                    List.of());
        }
        if (!type.equals(CMCObjectIdentifiers.id_cct_PKIData)) {
            throw new OnBehalfOfException(
                    "CMS eContentType (expected: id-data or id-cct-PKIData, actual: " + type + ")");
        }
        return fromPkiData(PKIData.getInstance(ASN1Sequence.getInstance(octets.getOctets())));
    }

    private static OnBehalfOfException signedByCertificate() {
        return new OnBehalfOfException("request envelope signer (expected: none or the requested key, actual: a"
                + " certificate): a renewal or another agent's request cannot be signed on behalf of someone");
    }

    private static InnerRequest fromPkiData(PKIData data) throws OnBehalfOfException {
        TaggedRequest[] requests = data.getReqSequence();
        if (requests.length != 1 || requests[0].getTagNo() != TaggedRequest.TCR) {
            throw new OnBehalfOfException(
                    "CMC reqSequence (expected: exactly one PKCS#10, actual: " + requests.length + " requests)");
        }
        if (data.getCmsSequence().length != 0 || data.getOtherMsgSequence().length != 0) {
            throw new OnBehalfOfException("CMC cmsSequence and otherMsgSequence (expected: empty, actual: "
                    + data.getCmsSequence().length + " and " + data.getOtherMsgSequence().length + " entries)");
        }
        List<TaggedAttribute> controls = new ArrayList<>();
        for (TaggedAttribute control : data.getControlSequence()) {
            if (namesRequester(control)) {
                throw new OnBehalfOfException("CMC control " + control.getAttrType()
                        + " (expected: no requestername, actual: one): only the enrollment agent names the requester");
            }
            controls.add(control);
        }
        TaggedCertificationRequest tcr = TaggedCertificationRequest.getInstance(requests[0].getValue());
        return new InnerRequest(tcr.getCertificationRequest(), tcr.getBodyPartID(), controls);
    }

    /** Whether a control carries requestername: in RegInfo, name-value pairs, or Windows' add-attributes. */
    private static boolean namesRequester(TaggedAttribute control) {
        ASN1ObjectIdentifier type = control.getAttrType();
        for (ASN1Encodable value : control.getAttrValues()) {
            if (type.equals(CMCObjectIdentifiers.id_cmc_regInfo) && value instanceof ASN1OctetString s) {
                for (String pair : new String(s.getOctets(), StandardCharsets.UTF_8).split("&", -1)) {
                    String name =
                            RequesterName.percentDecode(pair.split("=", 2)[0]).strip();
                    if (name.equalsIgnoreCase(RequesterName.NAME)) {
                        return true;
                    }
                }
            } else if (type.equals(CmcOids.NAME_VALUE_PAIR) && pairNamesRequester(value)) {
                return true;
            } else if (type.equals(CmcOids.CMC_ADD_ATTRIBUTES)
                    && value instanceof ASN1Sequence info
                    && info.size() == 3
                    && info.getObjectAt(2) instanceof ASN1Set attributes) {
                for (ASN1Encodable a : attributes) {
                    Attribute attribute = Attribute.getInstance(a);
                    if (attribute.getAttrType().equals(CmcOids.NAME_VALUE_PAIR)) {
                        for (ASN1Encodable v : attribute.getAttrValues()) {
                            if (pairNamesRequester(v)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /** One pair, or the spec's SEQUENCE OF pairs ([MS-WCCE] 2.2.2.7.10). */
    private static boolean pairNamesRequester(ASN1Encodable value) {
        if (!(value instanceof ASN1Sequence seq)) {
            return false;
        }
        if (seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1String name) {
            return name.getString().equalsIgnoreCase(RequesterName.NAME);
        }
        for (ASN1Encodable inner : seq) {
            if (pairNamesRequester(inner)) {
                return true;
            }
        }
        return false;
    }
}
