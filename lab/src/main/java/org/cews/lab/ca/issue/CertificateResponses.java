package org.cews.lab.ca.issue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CMCStatus;
import org.bouncycastle.asn1.cmc.CMCStatusInfoBuilder;
import org.bouncycastle.asn1.cmc.PKIResponse;
import org.bouncycastle.asn1.cmc.PendInfo;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.cews.lab.ca.Bc;
import org.cews.lab.ca.MsOids;

/**
 * The two shapes of {@code pctbCertChain} ([MS-WCCE] 3.2.1.4.2.1.4.8): a CMS certs-only
 * SignedData (id-data, no eContent, no signers, the certificate and its chain; .8.1), or, with
 * CR_IN_FULLRESPONSE, a CMC full PKI response signed by the CA (.8.2): a PKIResponse with a
 * CMCStatusInfo control (body part 1; success, failed, or pending with PendInfo) and an
 * szOID_CMC_ADD_ATTRIBUTES control (body part 2) carrying szOID_ISSUED_CERT_HASH, signed
 * attributes contentType and messageDigest only.
 *
 * <p>The PendInfo token is the request id as a little-endian DWORD [inferred].
 */
public final class CertificateResponses {

    /** What a CMC response reports. */
    public enum Status {
        ISSUED(CMCStatus.success),
        PENDING(CMCStatus.pending),
        FAILED(CMCStatus.failed);

        private final CMCStatus cmc;

        Status(CMCStatus cmc) {
            this.cmc = cmc;
        }
    }

    private CertificateResponses() {}

    public static byte[] certsOnly(List<X509CertificateHolder> certificates) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addCertificates(new CollectionStore<>(certificates));
            return gen.generate(new CMSAbsentContent()).getEncoded();
        } catch (CMSException | IOException e) {
            throw new IllegalStateException("cannot encode a certs-only CMS: " + e.getMessage(), e);
        }
    }

    public static byte[] fullResponse(
            CaIdentity ca,
            Status status,
            String statusString,
            int requestId,
            Instant submitted,
            Optional<X509CertificateHolder> issued) {
        try {
            CMCStatusInfoBuilder info = new CMCStatusInfoBuilder(status.cmc, new BodyPartID(1));
            info.setStatusString(statusString);
            if (status == Status.PENDING) {
                byte[] token = ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(requestId)
                        .array();
                info.setOtherInfo(new PendInfo(token, new ASN1GeneralizedTime(Date.from(submitted))));
            }
            TaggedAttribute statusControl = new TaggedAttribute(
                    new BodyPartID(1), CMCObjectIdentifiers.id_cmc_statusInfo, new DERSet(info.build()));
            ASN1EncodableVector added = new ASN1EncodableVector();
            if (issued.isPresent()) {
                byte[] hash =
                        MessageDigest.getInstance("SHA-1").digest(issued.get().getEncoded());
                added.add(new Attribute(MsOids.ISSUED_CERT_HASH, new DERSet(new DEROctetString(hash))));
            }
            DERSequence addInfo = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(0), new DERSequence(new ASN1Integer(1)), new DERSet(added)
            });
            TaggedAttribute addControl =
                    new TaggedAttribute(new BodyPartID(2), MsOids.CMC_ADD_ATTRIBUTES, new DERSet(addInfo));
            PKIResponse response = new PKIResponse(
                    new TaggedAttribute[] {statusControl, addControl},
                    PKIResponse.EMPTY_CMS_SEQUENCE,
                    PKIResponse.EMPTY_OTHER_MSG);
            List<X509CertificateHolder> certs = new ArrayList<>();
            issued.ifPresent(certs::add);
            certs.add(ca.certificate());
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(Bc.PROVIDER)
                            .build())
                    .setSignedAttributeGenerator(CertificateResponses::contentTypeAndDigest)
                    .build(ca.signer(), ca.certificate()));
            gen.addCertificates(new CollectionStore<>(certs));
            return gen.generate(
                            new CMSProcessableByteArray(CMCObjectIdentifiers.id_cct_PKIResponse, response.getEncoded()),
                            true)
                    .getEncoded();
        } catch (CMSException | IOException | OperatorCreationException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot encode a CMC full response: " + e.getMessage(), e);
        }
    }

    private static AttributeTable contentTypeAndDigest(java.util.Map<?, ?> params) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(CMSAttributes.contentType, new DERSet((ASN1ObjectIdentifier)
                params.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
        v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString((byte[])
                params.get(CMSAttributeTableGenerator.DIGEST)))));
        return new AttributeTable(v);
    }
}
