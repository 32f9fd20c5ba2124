package org.cews.ces;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.OtherMsg;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedContentInfo;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.util.CollectionStore;

/** Generates keys, CAs, certificates and requests in every form the CES reads (JDK providers). */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(1000);
    private static final List<KeyPair> RSA = new ArrayList<>();

    /** OIDs the requests use. */
    public static final ASN1ObjectIdentifier TEMPLATE_OID_EXT = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.7");

    public static final ASN1ObjectIdentifier TEMPLATE_NAME_EXT = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    public static final ASN1ObjectIdentifier NAME_VALUE_PAIRS = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.2.1");
    public static final ASN1ObjectIdentifier RENEWAL_CERTIFICATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.1");

    private TestPki() {}

    /** The {@code i}th RSA 2048 key of this JVM (generated once). */
    public static synchronized KeyPair rsa(int i) {
        try {
            while (RSA.size() <= i) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                RSA.add(g.generateKeyPair());
            }
            return RSA.get(i);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    public static ContentSigner signer(KeyPair key) throws Exception {
        String algorithm = key.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).build(key.getPrivate());
    }

    public static X509Certificate ca(String cn, KeyPair key) throws Exception {
        X500Name name = new X500Name("CN=" + cn);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        X509CertificateHolder h = new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(now),
                        Date.from(now.plusSeconds(20L * 365 * 86400)),
                        name,
                        key.getPublic())
                .build(signer(key));
        return new JcaX509CertificateConverter().getCertificate(h);
    }

    public static X509Certificate issue(
            X509Certificate ca,
            KeyPair caKey,
            String subject,
            PublicKey key,
            Instant notBefore,
            Instant notAfter,
            Extension... extensions)
            throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                ca,
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(notBefore),
                Date.from(notAfter),
                new javax.security.auth.x500.X500Principal("CN=" + subject),
                key);
        for (Extension e : extensions) {
            b.addExtension(e);
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(signer(caKey)));
    }

    /** Extension 1.3.6.1.4.1.311.20.2 with the name as BMPString. */
    public static Extension templateName(String name) throws Exception {
        return new Extension(TEMPLATE_NAME_EXT, false, new DERBMPString(name).getEncoded());
    }

    /** Extension 1.3.6.1.4.1.311.21.7 with the OID and versions. */
    public static Extension templateOid(String oid, int major, int minor) throws Exception {
        return new Extension(
                TEMPLATE_OID_EXT,
                false,
                new DERSequence(new ASN1Encodable[] {
                            new ASN1ObjectIdentifier(oid), new ASN1Integer(major), new ASN1Integer(minor)
                        })
                        .getEncoded());
    }

    /** A PKCS#10 for {@code subjectKey}, signed by {@code signingKey} (another key forges it). */
    public static CertificationRequest csr(
            KeyPair subjectKey, KeyPair signingKey, List<Extension> extensions, Attribute... attributes)
            throws Exception {
        PKCS10CertificationRequestBuilder b = new PKCS10CertificationRequestBuilder(
                new X500Name("CN=requester"),
                SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded()));
        if (!extensions.isEmpty()) {
            b.addAttribute(
                    PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                    new Extensions(extensions.toArray(new Extension[0])));
        }
        for (Attribute a : attributes) {
            b.addAttribute(a.getAttrType(), a.getAttributeValues());
        }
        return b.build(signer(signingKey)).toASN1Structure();
    }

    /** The same request with a [MS-WCCE] 2.2.2.6.5 null signature: signatureAlgorithm SHA-256, the bare hash. */
    public static CertificationRequest nullSigned(CertificationRequest request) throws Exception {
        CertificationRequestInfo info = request.getCertificationRequestInfo();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(info.getEncoded("DER"));
        return CertificationRequest.getInstance(new DERSequence(new ASN1Encodable[] {
            info, new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), new DERBitString(hash)
        }));
    }

    /** A name-value pair attribute ([MS-WCCE] 2.2.2.7.10). */
    public static Attribute pair(String name, String value) {
        return new Attribute(
                NAME_VALUE_PAIRS,
                new DERSet(new DERSequence(new ASN1Encodable[] {new DERBMPString(name), new DERBMPString(value)})));
    }

    /** The renewal attribute ([MS-WCCE] 2.2.2.7.3). */
    public static Attribute renewalOf(X509Certificate old) throws Exception {
        return new Attribute(
                RENEWAL_CERTIFICATE, new DERSet(org.bouncycastle.asn1.x509.Certificate.getInstance(old.getEncoded())));
    }

    /** A SignedData over {@code content} of {@code type}, one SignerInfo per key, the certificates attached. */
    public static byte[] signedData(
            ASN1ObjectIdentifier type, byte[] content, List<KeyPair> signers, List<X509Certificate> certificates)
            throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        for (KeyPair k : signers) {
            byte[] ski = MessageDigest.getInstance("SHA-1")
                    .digest(SubjectPublicKeyInfo.getInstance(k.getPublic().getEncoded())
                            .getPublicKeyData()
                            .getBytes());
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(signer(k), ski));
        }
        List<X509CertificateHolder> holders = new ArrayList<>();
        for (X509Certificate c : certificates) {
            holders.add(new X509CertificateHolder(c.getEncoded()));
        }
        g.addCertificates(new CollectionStore<>(holders));
        return g.generate(new CMSProcessableByteArray(type, content), true).getEncoded("DER");
    }

    /** CMS around a PKCS#10 (id-data). */
    public static byte[] cms(CertificationRequest request, List<KeyPair> signers, List<X509Certificate> certificates)
            throws Exception {
        return signedData(PKCSObjectIdentifiers.data, request.getEncoded("DER"), signers, certificates);
    }

    /** CMC: PKIData with {@code requests} as tcr body parts 1, 2, ... */
    public static byte[] cmc(
            List<KeyPair> signers, List<X509Certificate> certificates, CertificationRequest... requests)
            throws Exception {
        TaggedRequest[] tagged = new TaggedRequest[requests.length];
        for (int i = 0; i < requests.length; i++) {
            tagged[i] = new TaggedRequest(new TaggedCertificationRequest(
                    new BodyPartID(i + 1),
                    org.bouncycastle.asn1.cmc.CertificationRequest.getInstance(requests[i].getEncoded("DER"))));
        }
        PKIData data = new PKIData(new TaggedAttribute[0], tagged, new TaggedContentInfo[0], new OtherMsg[0]);
        return signedData(CMCObjectIdentifiers.id_cct_PKIData, data.getEncoded("DER"), signers, certificates);
    }

    /** A PKCS#10 (DER) for {@code subject}, signed by {@code signer}, naming each template by extension 20.2. */
    public static byte[] pkcs10(KeyPair subject, KeyPair signer, String... templateNames) throws Exception {
        List<Extension> extensions = new ArrayList<>();
        for (String name : templateNames) {
            extensions.add(templateName(name));
        }
        return csr(subject, signer, extensions).getEncoded("DER");
    }

    /** A CMS renewal (DER) of {@code old} for {@code newKey}, signed by {@code signer}, {@code old} attached. */
    public static byte[] renewalCms(KeyPair newKey, X509Certificate old, KeyPair signer, String... templateNames)
            throws Exception {
        List<Extension> extensions = new ArrayList<>();
        for (String name : templateNames) {
            extensions.add(templateName(name));
        }
        return cms(csr(newKey, newKey, extensions, renewalOf(old)), List.of(signer), List.of(old));
    }

    /** {@code depth} SEQUENCEs, each around the next, the innermost empty: hostile DER. */
    public static byte[] nested(int depth) {
        byte[] inner = {0x30, 0x00};
        for (int i = 1; i < depth; i++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(0x30);
            int n = inner.length;
            if (n < 0x80) {
                out.write(n);
            } else if (n < 0x100) {
                out.write(0x81);
                out.write(n);
            } else {
                out.write(0x82);
                out.write(n >> 8);
                out.write(n);
            }
            out.writeBytes(inner);
            inner = out.toByteArray();
        }
        return inner;
    }
}
