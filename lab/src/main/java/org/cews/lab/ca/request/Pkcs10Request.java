package org.cews.lab.ca.request;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.cews.lab.ca.Bc;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.MsOids;
import org.cews.wcce.msicpr.HResult;

/**
 * A PKCS#10 as the CA reads it ([MS-WCCE] 3.2.1.4.2.1.4.1.1): the request, its requested
 * extensions (extensionRequest and szOID_CERT_EXTENSIONS), the name-value pairs of its
 * szENROLLMENT_NAME_VALUE_PAIR attribute, the certificate of a szOID_RENEWAL_CERTIFICATE attribute,
 * and the template identifiers among them.
 */
public record Pkcs10Request(
        PKCS10CertificationRequest request,
        Extensions extensions,
        RequestAttributes nameValuePairs,
        Optional<X509CertificateHolder> renewalCertificate) {

    static Pkcs10Request read(byte[] der) throws RequestRejected {
        ASN1Sequence seq = Der.sequence(der, "PKCS#10");
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(seq.getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_BADTAG,
                    "PKCS#10 (expected: CertificationRequest, actual: " + e.getMessage() + ")",
                    e);
        }
        Map<org.bouncycastle.asn1.ASN1ObjectIdentifier, Extension> extensions = new LinkedHashMap<>();
        RequestAttributes pairs = RequestAttributes.NONE;
        X509CertificateHolder renewal = null;
        for (Attribute attribute : request.getAttributes()) {
            var type = attribute.getAttrType();
            if (type.equals(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest) || type.equals(MsOids.CERT_EXTENSIONS)) {
                for (ASN1Encodable value : attribute.getAttrValues()) {
                    Extensions parsed = extensionsOf(value);
                    for (org.bouncycastle.asn1.ASN1ObjectIdentifier oid : parsed.getExtensionOIDs()) {
                        Extension e = parsed.getExtension(oid);
                        if (extensions.putIfAbsent(e.getExtnId(), e) != null) {
                            throw new RequestRejected(
                                    HResult.ERROR_INVALID_DATA,
                                    "requested extensions (expected: one " + e.getExtnId() + ", actual: repeated)");
                        }
                    }
                }
            } else if (type.equals(MsOids.NAME_VALUE_PAIR)) {
                pairs = pairs.plus(NameValuePairs.decode(attribute.getAttrValues()));
            } else if (type.equals(MsOids.RENEWAL_CERTIFICATE)) {
                renewal = renewalCertificate(attribute);
            } else if ((type.equals(MsOids.OS_VERSION) || type.equals(MsOids.CSP_PROVIDER))
                    && attribute.getAttrValues().size() != 1) {
                throw new RequestRejected(
                        HResult.ERROR_INVALID_DATA,
                        type + " values (expected: 1, actual: "
                                + attribute.getAttrValues().size() + ")");
            }
        }
        return new Pkcs10Request(
                request,
                extensions.isEmpty()
                        ? Extensions.getInstance(new org.bouncycastle.asn1.DERSequence())
                        : new Extensions(extensions.values().toArray(Extension[]::new)),
                pairs,
                Optional.ofNullable(renewal));
    }

    private static Extensions extensionsOf(ASN1Encodable value) throws RequestRejected {
        try {
            return Extensions.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw new RequestRejected(
                    HResult.ERROR_INVALID_DATA,
                    "extensionRequest (expected: Extensions, actual: " + e.getMessage() + ")");
        }
    }

    private static X509CertificateHolder renewalCertificate(Attribute attribute) throws RequestRejected {
        try {
            if (attribute.getAttrValues().size() != 1) {
                throw new IOException("values: " + attribute.getAttrValues().size());
            }
            return new X509CertificateHolder(
                    attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            throw new RequestRejected(
                    CertSrvErrors.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE,
                    "szOID_RENEWAL_CERTIFICATE (expected: one DER certificate, actual: " + e.getMessage() + ")");
        }
    }

    /** Template identifiers in the extensions and in the name-value pairs. */
    public List<TemplateId> templateIds() throws RequestRejected {
        List<TemplateId> ids = new ArrayList<>(TemplateExtensions.read(extensions, "PKCS#10"));
        for (String v : nameValuePairs.all("CertificateTemplate")) {
            ids.add(TemplateId.fromAttribute(v, "PKCS#10 name-value pair"));
        }
        return ids;
    }

    /**
     * Proof of possession: the PKCS#10 signature verifies with its own key. Inside CMS or CMC a
     * null signature (the bare hash of CertificationRequestInfo, [MS-WCCE] 2.2.2.6.5) is also
     * accepted, checked only after the real signature failed, as the spec orders.
     */
    void verifyProofOfPossession(boolean nullSignatureAllowed) throws RequestRejected {
        try {
            if (request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build(request.getSubjectPublicKeyInfo()))) {
                return;
            }
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            // not a signature algorithm: possibly a null signature below
        }
        if (nullSignatureAllowed && isNullSignature()) {
            return;
        }
        throw new RequestRejected(
                CertSrvErrors.NTE_BAD_SIGNATURE,
                "PKCS#10 signature (expected: made with the requested key, actual: does not verify)");
    }

    private boolean isNullSignature() {
        try {
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build()
                    .get(request.getSignatureAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(
                        request.toASN1Structure().getCertificationRequestInfo().getEncoded(ASN1Encoding.DER));
            }
            return MessageDigest.isEqual(digest.getDigest(), request.getSignature());
        } catch (OperatorCreationException | IOException | RuntimeException e) {
            return false;
        }
    }
}
