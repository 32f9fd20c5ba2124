package org.cews.client.pki;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/**
 * PKCS#10 requests (RFC 2986) carrying the template extension, and renewal requests: the new
 * PKCS#10 with the renewal-certificate attribute, wrapped in CMS SignedData (id-data) signed with
 * the old certificate's key, the old certificate included ([MS-WCCE] 2.2.2.6.2, 2.2.2.7.3,
 * 3.1.1.4.3.2; [MS-WSTEP] 4.1.5.1 shows one). The JDK's providers sign; Bouncy Castle only
 * encodes.
 */
public final class CertificateRequests {
    /** szOID_RENEWAL_CERTIFICATE ([MS-WCCE] 2.2.2.7.3): the certificate being renewed. */
    public static final ASN1ObjectIdentifier RENEWAL_CERTIFICATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.1");

    private CertificateRequests() {}

    /** What a new request says: the subject (may be empty: AD CS builds it from the directory) and DNS names. */
    public record Content(X500Name subject, List<String> dnsNames, Optional<TemplateExtension> template) {
        public Content {
            dnsNames = List.copyOf(dnsNames);
        }
    }

    public static PKCS10CertificationRequest pkcs10(KeyPair keys, Content content, Optional<X509Certificate> renewing)
            throws ClientException {
        try {
            PKCS10CertificationRequestBuilder b =
                    new JcaPKCS10CertificationRequestBuilder(content.subject(), keys.getPublic());
            List<Extension> exts = new ArrayList<>();
            if (content.template().isPresent()) {
                exts.add(content.template().get().extension());
            }
            if (!content.dnsNames().isEmpty()) {
                GeneralName[] names = content.dnsNames().stream()
                        .map(n -> new GeneralName(GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                exts.add(new Extension(Extension.subjectAlternativeName, false, new GeneralNames(names).getEncoded()));
            }
            if (!exts.isEmpty()) {
                b.addAttribute(
                        PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                        new Extensions(exts.toArray(new Extension[0])));
            }
            if (renewing.isPresent()) {
                // The value is the DER certificate itself, not an OCTET STRING ([MS-WCCE] 2.2.2.7.3).
                b.addAttribute(
                        RENEWAL_CERTIFICATE,
                        org.bouncycastle.asn1.x509.Certificate.getInstance(
                                renewing.get().getEncoded()));
            }
            PrivateKey key = keys.getPrivate();
            return b.build(new JcaContentSignerBuilder(Keys.signatureAlgorithm(key)).build(key));
        } catch (IOException | OperatorCreationException | CertificateEncodingException e) {
            throw new ClientException(e, ClientMessage.CRYPTO, "build the certificate request", e.getMessage());
        }
    }

    /** The CMS renewal request: {@code pkcs10} signed with the old key, the old certificate included. */
    public static byte[] renewal(PKCS10CertificationRequest pkcs10, X509Certificate old, PrivateKey oldKey)
            throws ClientException {
        try {
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(Keys.signatureAlgorithm(oldKey)).build(oldKey), old));
            g.addCertificate(new JcaX509CertificateHolder(old));
            CMSSignedData signed = g.generate(new CMSProcessableByteArray(pkcs10.getEncoded()), true);
            // DER, not the BER (indefinite lengths) BC writes by default: the CES checks that a request
            // is DER before it parses it (docs/WSTEP.md §3), as certreq sends it.
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (IOException | OperatorCreationException | CertificateEncodingException | CMSException e) {
            throw new ClientException(
                    e, ClientMessage.CRYPTO, "sign the renewal request with the old key", e.getMessage());
        }
    }
}
