package org.cews.lab.ca;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CertificationRequest;
import org.bouncycastle.asn1.cmc.OtherMsg;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedContentInfo;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.cews.lab.ca.request.NameValuePairs;

/** CMS and CMC envelopes around a PKCS#10, built the way Windows clients and enrollment agents do. */
final class Envelopes {

    /**
     * One SignerInfo: the certificate it names (null: the requested key itself, in the
     * subjectKeyIdentifier form), the key that really signs, authenticated pairs.
     */
    record Signer(
            X509CertificateHolder certificate, KeyPair requestKey, PrivateKey key, Map<String, String> signedPairs) {
        Signer(X509CertificateHolder certificate, PrivateKey key, Map<String, String> signedPairs) {
            this(certificate, null, key, signedPairs);
        }

        static Signer of(X509CertificateHolder certificate, PrivateKey key) {
            return new Signer(certificate, key, Map.of());
        }

        /** Signed by the requested key, named by its subjectKeyIdentifier (as certreq signs). */
        static Signer byRequestKey(KeyPair requestKey, Map<String, String> signedPairs) {
            return new Signer(null, requestKey, requestKey.getPrivate(), signedPairs);
        }
    }

    private Envelopes() {}

    /** SignedData over id-data, signers and certificates as given. */
    static byte[] cms(byte[] pkcs10, List<Signer> signers, List<X509CertificateHolder> certificates) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        for (Signer s : signers) {
            SignerInfoGeneratorBuilder b = builder();
            if (!s.signedPairs().isEmpty()) {
                Attribute nvp = NameValuePairs.encode(s.signedPairs());
                b.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                        new org.bouncycastle.asn1.cms.Attribute(nvp.getAttrType(), nvp.getAttrValues()))));
            }
            gen.addSignerInfoGenerator(
                    s.certificate() == null
                            ? b.build(Csr.signer(s.key()), ski(s.requestKey()))
                            : b.build(Csr.signer(s.key()), s.certificate()));
        }
        gen.addCertificates(new CollectionStore<>(certificates));
        return gen.generate(new CMSProcessableByteArray(CMSObjectIdentifiers.data, pkcs10), true)
                .getEncoded();
    }

    /**
     * SignedData over id-cct-PKIData: one tcr, an optional RegInfo control, signed first by the
     * requested key in the subjectKeyIdentifier form (as certreq does), then by {@code more}.
     */
    static byte[] cmc(byte[] pkcs10, KeyPair requestKey, String regInfo, List<Signer> more) throws Exception {
        List<TaggedAttribute> controls = new ArrayList<>();
        if (regInfo != null) {
            controls.add(new TaggedAttribute(
                    new BodyPartID(2),
                    CMCObjectIdentifiers.id_cmc_regInfo,
                    new DERSet(new DEROctetString(regInfo.getBytes(StandardCharsets.UTF_8)))));
        }
        PKIData data = new PKIData(
                controls.toArray(TaggedAttribute[]::new),
                new TaggedRequest[] {
                    new TaggedRequest(
                            new TaggedCertificationRequest(new BodyPartID(1), CertificationRequest.getInstance(pkcs10)))
                },
                new TaggedContentInfo[0],
                new OtherMsg[0]);
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(builder().build(Csr.signer(requestKey.getPrivate()), ski(requestKey)));
        List<X509CertificateHolder> certs = new ArrayList<>();
        for (Signer s : more) {
            gen.addSignerInfoGenerator(builder().build(Csr.signer(s.key()), s.certificate()));
            certs.add(s.certificate());
        }
        gen.addCertificates(new CollectionStore<>(certs));
        return gen.generate(new CMSProcessableByteArray(CMCObjectIdentifiers.id_cct_PKIData, data.getEncoded()), true)
                .getEncoded();
    }

    /** RFC 5280 4.2.1.2 method 1: the SHA-1 of the subjectPublicKey bits. */
    private static byte[] ski(KeyPair key) throws Exception {
        return MessageDigest.getInstance("SHA-1")
                .digest(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                                key.getPublic().getEncoded())
                        .getPublicKeyData()
                        .getBytes());
    }

    private static SignerInfoGeneratorBuilder builder() throws Exception {
        return new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                .setProvider(Bc.PROVIDER)
                .build());
    }
}
