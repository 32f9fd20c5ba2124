package org.cews.wcce.cmc;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
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
 * (3.2.1.4.2.1.4.1.3). Only the PKCS#10 goes on: the requester's envelope signature cannot survive
 * re-wrapping (the PKCS#10's signature still proves possession of the key), and his CMC controls
 * are not carried into what the agent signs ({@link OnBehalfOfSigner} builds its own).
 *
 * <p>Refused, because signing would lend the agent's authority to them: an envelope signed with a
 * certificate (a renewal or another agent's request, [MS-WCCE] 3.2.1.4.2.1.4.2), a CMC with other
 * than exactly one PKCS#10 or with nested content, and any attribute name, in the CMC's RegInfo,
 * name-value pair or client-attribute controls or in the PKCS#10's own name-value pairs, that a CA
 * reads as one it acts on ({@link RequestAttributeNames}), unless the CES decided that same value.
 * The PKCS#10's pairs cannot be removed without breaking its signature, hence the refusal.
 * Client bytes reach Bouncy Castle only through {@link ClientDer}.
 *
 * @param pkcs10 the certification request
 * @param requestId the tcr body part id (1 for a bare PKCS#10)
 */
record InnerRequest(CertificationRequest pkcs10, BodyPartID requestId) {

    /** {@code decided}: the attributes the CES gives with the request, by any spelling. */
    static InnerRequest read(byte[] der, Map<String, String> decided) throws OnBehalfOfException {
        Map<String, String> ces = RequestAttributeNames.byNormalisedName(decided);
        InnerRequest inner = read(ClientDer.parse(der, "request"), ces);
        checkPkcs10Attributes(inner.pkcs10(), ces);
        return inner;
    }

    private static InnerRequest read(ASN1Encodable parsed, Map<String, String> ces) throws OnBehalfOfException {
        try {
            ASN1Sequence top = ASN1Sequence.getInstance(parsed);
            if (top.size() == 2 && top.getObjectAt(0) instanceof ASN1ObjectIdentifier type) {
                if (!type.equals(CMSObjectIdentifiers.signedData)) {
                    throw new OnBehalfOfException(
                            "request contentType (expected: id-signedData 1.2.840.113549.1.7.2, actual: " + type + ")");
                }
                return fromSignedData(
                        SignedData.getInstance(ContentInfo.getInstance(top).getContent()), ces);
            }
            return new InnerRequest(CertificationRequest.getInstance(top), new BodyPartID(1));
        } catch (RuntimeException e) {
            throw new OnBehalfOfException(
                    "request (expected: DER PKCS#10, CMS or CMC, actual: " + e.getMessage() + ")", e);
        }
    }

    private static InnerRequest fromSignedData(SignedData signed, Map<String, String> ces) throws OnBehalfOfException {
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
        ASN1Sequence inner = ASN1Sequence.getInstance(ClientDer.parse(octets.getOctets(), "CMS eContent"));
        if (type.equals(CMSObjectIdentifiers.data)) {
            return new InnerRequest(CertificationRequest.getInstance(inner), new BodyPartID(1));
        }
        if (!type.equals(CMCObjectIdentifiers.id_cct_PKIData)) {
            throw new OnBehalfOfException(
                    "CMS eContentType (expected: id-data or id-cct-PKIData, actual: " + type + ")");
        }
        return fromPkiData(PKIData.getInstance(inner), ces);
    }

    private static OnBehalfOfException signedByCertificate() {
        return new OnBehalfOfException("request envelope signer (expected: none or the requested key, actual: a"
                + " certificate): a renewal or another agent's request cannot be signed on behalf of someone");
    }

    private static InnerRequest fromPkiData(PKIData data, Map<String, String> ces) throws OnBehalfOfException {
        TaggedRequest[] requests = data.getReqSequence();
        if (requests.length != 1 || requests[0].getTagNo() != TaggedRequest.TCR) {
            throw new OnBehalfOfException(
                    "CMC reqSequence (expected: exactly one PKCS#10, actual: " + requests.length + " requests)");
        }
        if (data.getCmsSequence().length != 0 || data.getOtherMsgSequence().length != 0) {
            throw new OnBehalfOfException("CMC cmsSequence and otherMsgSequence (expected: empty, actual: "
                    + data.getCmsSequence().length + " and " + data.getOtherMsgSequence().length + " entries)");
        }
        for (TaggedAttribute control : data.getControlSequence()) {
            checkControl(control, ces);
        }
        TaggedCertificationRequest tcr = TaggedCertificationRequest.getInstance(requests[0].getValue());
        return new InnerRequest(tcr.getCertificationRequest(), tcr.getBodyPartID());
    }

    /** The names in one control: RegInfo text, name-value pairs, or Windows' add-attributes. */
    private static void checkControl(TaggedAttribute control, Map<String, String> ces) throws OnBehalfOfException {
        ASN1ObjectIdentifier type = control.getAttrType();
        for (ASN1Encodable value : control.getAttrValues()) {
            if (type.equals(CMCObjectIdentifiers.id_cmc_regInfo) && value instanceof ASN1OctetString s) {
                checkRegInfo(new String(s.getOctets(), StandardCharsets.UTF_8), ces);
            } else if (type.equals(CmcOids.NAME_VALUE_PAIR)) {
                checkPairs(value, ces, "CMC control");
            } else if (type.equals(CmcOids.CMC_ADD_ATTRIBUTES)
                    && value instanceof ASN1Sequence info
                    && info.size() == 3
                    && info.getObjectAt(2) instanceof ASN1Set attributes) {
                checkAttributes(attributes, ces, "CMC client");
            }
        }
    }

    /**
     * RegInfo ([MS-WCCE] 2.2.2.6.3): {@code name=value} pairs joined by '&', percent-encoded. Read
     * both as sent and decoded, split at '&' and at line ends, names before '=' or ':', so that a
     * value cannot smuggle a second pair or a pwszAttributes line past the check.
     */
    private static void checkRegInfo(String text, Map<String, String> ces) throws OnBehalfOfException {
        for (String form : new String[] {text, RequesterName.percentDecode(text)}) {
            for (String pair : form.split("[&\\r\\n]", -1)) {
                int cut = firstOf(pair, '=', ':');
                String name = cut < 0 ? pair : pair.substring(0, cut);
                String value = cut < 0 ? null : RequesterName.percentDecode(pair.substring(cut + 1));
                RequestAttributeNames.checkRequesters(name, value, ces, "CMC RegInfo");
            }
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static void checkAttributes(ASN1Set attributes, Map<String, String> ces, String where)
            throws OnBehalfOfException {
        for (ASN1Encodable a : attributes) {
            Attribute attribute = Attribute.getInstance(a);
            if (attribute.getAttrType().equals(CmcOids.NAME_VALUE_PAIR)) {
                for (ASN1Encodable v : attribute.getAttrValues()) {
                    checkPairs(v, ces, where);
                }
            }
        }
    }

    /** One pair {@code SEQUENCE {name, value}}, or the spec's SEQUENCE OF pairs ([MS-WCCE] 2.2.2.7.10). */
    private static void checkPairs(ASN1Encodable value, Map<String, String> ces, String where)
            throws OnBehalfOfException {
        if (!(value instanceof ASN1Sequence seq)) {
            return;
        }
        if (seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1String name) {
            String v = seq.getObjectAt(1) instanceof ASN1String s ? s.getString() : null;
            RequestAttributeNames.checkRequesters(name.getString(), v, ces, where);
            return;
        }
        for (ASN1Encodable inner : seq) {
            checkPairs(inner, ces, where);
        }
    }

    /** The PKCS#10's own attributes ([MS-WCCE] 2.2.2.7.10 pairs may sit there too). */
    private static void checkPkcs10Attributes(CertificationRequest pkcs10, Map<String, String> ces)
            throws OnBehalfOfException {
        try {
            ASN1Set attributes = pkcs10.getAttributes();
            if (attributes != null) {
                checkAttributes(attributes, ces, "PKCS#10");
            }
        } catch (RuntimeException e) {
            throw new OnBehalfOfException("PKCS#10 attributes (expected: DER, actual: " + e.getMessage() + ")", e);
        }
    }
}
