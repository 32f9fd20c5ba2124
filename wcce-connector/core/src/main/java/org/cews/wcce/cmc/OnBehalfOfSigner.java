package org.cews.wcce.cmc;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.OtherMsg;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedContentInfo;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a request on behalf of another account, as an enrollment agent ([MS-WCCE] 3.1.1.4.3.3.3,
 * Enroll on Behalf of Certificate Request Using CMS and CMC Request Formats). The DER it returns:
 *
 * <pre>
 * ContentInfo { id-signedData, SignedData {
 *   encapContentInfo { id-cct-PKIData, PKIData {                       -- RFC 5272 3.2.1.2
 *     controlSequence {                                                -- the agent's own, nothing else
 *       { n+1, id-cmc-regInfo, { "requestername=DOMAIN%5Caccount" } }    -- [MS-WCCE] 3.1.1.4.3.3.3, 2.2.2.6.3
 *       { n+2, szOID_ENROLLMENT_NAME_VALUE_PAIR, { {"requestername", "DOMAIN\account"} } }
 *                                                                        -- [MS-WCCE] 3.2.2.6.2.1.2.1.2
 *     }
 *     reqSequence { tcr { id, the requester's PKCS#10, unchanged } }    -- exactly one request
 *     cmsSequence {}, otherMsgSequence {} } }
 *   certificates { the agent's chain }                                   -- Certificate Request Agent EKU
 *   signerInfos {
 *     { v3, subjectKeyIdentifier of the requested key, sha256, id-alg-noSignature } -- the first: RFC 5272 C.1
 *     { v1, the agent certificate, signed attributes: contentType, messageDigest,
 *       szOID_ENROLLMENT_NAME_VALUE_PAIR requestername }                 -- the agent's signature
 *   } } }
 * </pre>
 *
 * The client section of the spec puts requestername in RegInfo, the CA section (3.2.2.6.2.1.2.1.2)
 * in a szOID_ENROLLMENT_NAME_VALUE_PAIR attribute, and its CMS form (3.2.2.6.2.1.2.1.1) in the
 * agent's authenticated attributes: the request carries the same name in all three, so a CA that
 * reads any of them finds it. signerInfos is a DER SET, ordered by encoding: the short no-signature
 * SignerInfo sorts first, which {@link #sign} checks.
 *
 * <p>The agent's signature covers only what the CES decided: the requester's PKCS#10 (whose own
 * signature proves the key) and the agent's controls. The requester's CMC controls are not carried
 * over, and a request in which the requester names anything a CA acts on (requestername in any
 * spelling, SAN, a template other than the CES's, ...; {@link RequestAttributeNames}) is refused
 * before anything is signed ({@link InnerRequest}).
 */
public final class OnBehalfOfSigner {

    private final AgentCredential agent;

    public OnBehalfOfSigner(AgentCredential agent) {
        this.agent = agent;
    }

    /**
     * The CMC for {@code request} (a PKCS#10, or a CMS or CMC around one) on behalf of
     * {@code requesterName} ({@code DOMAIN\account}).
     */
    public byte[] sign(byte[] request, String requesterName) throws OnBehalfOfException {
        return sign(request, requesterName, Map.of());
    }

    /**
     * As {@link #sign(byte[], String)}, where {@code decided} holds the request attributes the CES
     * sends with it ({@code CertificateTemplate}, ...): the requester may repeat one of those in
     * his request with the same value, never another value.
     */
    public byte[] sign(byte[] request, String requesterName, Map<String, String> decided) throws OnBehalfOfException {
        RequesterName.require(requesterName);
        InnerRequest inner = InnerRequest.read(request, decided);
        try {
            byte[] pkiData = pkiData(inner, requesterName).getEncoded(ASN1Encoding.DER);
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(digests)
                    .setDirectSignature(true)
                    .setContentDigest(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256))
                    .build(new NoSignatureSigner(inner.pkcs10()), requestedKeyId(inner)));
            Attribute pair = new Attribute(CmcOids.NAME_VALUE_PAIR, RequesterName.nameValuePair(requesterName));
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(pair)))
                    .build(
                            new JcaContentSignerBuilder(AgentCredential.signatureAlgorithm(agent.key()))
                                    .build(agent.key()),
                            new JcaX509CertificateHolder(agent.certificate())));
            generator.addCertificates(new JcaCertStore(agent.chain()));
            byte[] der = generator
                    .generate(new CMSProcessableByteArray(CMCObjectIdentifiers.id_cct_PKIData, pkiData), true)
                    .getEncoded(ASN1Encoding.DER);
            requireNoSignatureFirst(der);
            return der;
        } catch (IOException | CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new OnBehalfOfException(
                    "on-behalf-of CMC (expected: signed by "
                            + agent.certificate().getSubjectX500Principal() + ", actual: " + e.getMessage() + ")",
                    e);
        }
    }

    private static PKIData pkiData(InnerRequest inner, String requesterName) {
        List<TaggedAttribute> controls = new ArrayList<>();
        long regInfoId = inner.requestId().getID() + 1;
        controls.add(new TaggedAttribute(
                new BodyPartID(regInfoId), CMCObjectIdentifiers.id_cmc_regInfo, RequesterName.regInfo(requesterName)));
        controls.add(new TaggedAttribute(
                new BodyPartID(regInfoId + 1), CmcOids.NAME_VALUE_PAIR, RequesterName.nameValuePair(requesterName)));
        return new PKIData(
                controls.toArray(TaggedAttribute[]::new),
                new TaggedRequest[] {
                    new TaggedRequest(new TaggedCertificationRequest(inner.requestId(), inner.pkcs10()))
                },
                new TaggedContentInfo[0],
                new OtherMsg[0]);
    }

    /**
     * The requested key's identifier: the PKCS#10's subjectKeyIdentifier extension if it has one,
     * else the SHA-1 of the key bits (RFC 5280 4.2.1.2, method 1), as certreq does.
     */
    private static byte[] requestedKeyId(InnerRequest inner) throws OnBehalfOfException {
        Extension ski;
        try {
            ski = subjectKeyIdentifier(inner.pkcs10().getAttributes());
        } catch (RuntimeException e) {
            throw new OnBehalfOfException(
                    "PKCS#10 extensionRequest (expected: Extensions, actual: " + e.getMessage() + ")", e);
        }
        if (ski != null) {
            String what = "subjectKeyIdentifier extension";
            try {
                return SubjectKeyIdentifier.getInstance(
                                ClientDer.parse(ski.getExtnValue().getOctets(), what))
                        .getKeyIdentifier();
            } catch (RuntimeException e) {
                throw new OnBehalfOfException(what + " (expected: an OCTET STRING, actual: " + e.getMessage() + ")", e);
            }
        }
        try {
            return MessageDigest.getInstance("SHA-1")
                    .digest(inner.pkcs10().getSubjectPublicKey().getBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    private static Extension subjectKeyIdentifier(ASN1Set attributes) {
        for (ASN1Encodable a : attributes == null ? new DERSet() : attributes) {
            org.bouncycastle.asn1.x509.Attribute attribute = org.bouncycastle.asn1.x509.Attribute.getInstance(a);
            if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                Extension ski = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0))
                        .getExtension(Extension.subjectKeyIdentifier);
                if (ski != null) {
                    return ski;
                }
            }
        }
        return null;
    }

    private static void requireNoSignatureFirst(byte[] der) throws OnBehalfOfException {
        SignedData signed = SignedData.getInstance(
                ContentInfo.getInstance(ASN1Sequence.getInstance(der)).getContent());
        SignerInfo first = SignerInfo.getInstance(signed.getSignerInfos().getObjectAt(0));
        if (!first.getDigestEncryptionAlgorithm().getAlgorithm().equals(CmcOids.NO_SIGNATURE)) {
            throw new OnBehalfOfException(
                    "signerInfos order (expected: the no-signature SignerInfo first, actual: the agent's first)");
        }
    }
}
