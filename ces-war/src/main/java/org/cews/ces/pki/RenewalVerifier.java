package org.cews.ces.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * Checks a renewal before the CA sees it ([MS-WCCE] 3.2.1.4.2.1.4.2; docs/WSTEP.md §6): a CMS or
 * CMC request whose PKCS#10 carries szOID_RENEWAL_CERTIFICATE (1.3.6.1.4.1.311.13.1, the DER of
 * the certificate being renewed, 2.2.2.7.3); that certificate is among the SignedData's
 * certificates and its key signed the SignedData; it was issued by one of the trusted CAs (the
 * signature checked, not only the name); it is valid now, or expired less than the grace ago; and,
 * once the service knows the template asked for, it is of the same template. Key-based renewal
 * adds: the certificate being renewed is the TLS client certificate, byte for byte, and the
 * template allows key-based renewal.
 */
public final class RenewalVerifier {

    static final ASN1ObjectIdentifier RENEWAL_CERTIFICATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.1");

    private final List<X509Certificate> trustedIssuers;
    private final Duration grace;
    private final Clock clock;
    private final DerPrecheck der;
    private final TemplateFinder templates;

    public RenewalVerifier(List<X509Certificate> trustedIssuers, Duration grace, Clock clock, DerPrecheck der) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("renewal grace must not be negative: " + grace);
        }
        this.trustedIssuers = List.copyOf(trustedIssuers);
        this.grace = grace;
        this.clock = clock;
        this.der = der;
        this.templates = new TemplateFinder(der);
    }

    /**
     * The certificate a request renews: the renewal attribute of its PKCS#10, only in the CMS and
     * CMC forms (a bare PKCS#10 cannot be signed by the old key, so it is a new request, [MS-WCCE]
     * 3.2.1.4.2.1.4).
     */
    public static Optional<byte[]> renewalCertificate(CertificateRequest request) throws InspectionException {
        if (request.signedData().isEmpty()) {
            return Optional.empty();
        }
        try {
            for (Attribute a : request.csr().getAttributes(RENEWAL_CERTIFICATE)) {
                for (ASN1Encodable v : a.getAttributeValues()) {
                    return Optional.of(v.toASN1Primitive().getEncoded("DER"));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InspectionException(HResult.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE, CesMessage.CES0211);
        }
        return Optional.empty();
    }

    /** Verifies the renewal {@code request} carries; call only when {@link #renewalCertificate} found one. */
    public Renewal verify(CertificateRequest request) throws InspectionException {
        byte[] oldDer = renewalCertificate(request)
                .orElseThrow(() ->
                        new InspectionException(HResult.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE, CesMessage.CES0211));
        CMSSignedData cms = request.signedData().orElseThrow();
        X509CertificateHolder holder;
        X509Certificate old;
        try {
            holder = new X509CertificateHolder(Certificate.getInstance(der.parse(oldDer)));
            old = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            throw new InspectionException(HResult.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE, CesMessage.CES0211);
        }
        if (!inCertificates(cms, oldDer)) {
            throw new InspectionException(HResult.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE, CesMessage.CES0211);
        }
        if (!ProofOfPossession.signedBy(cms, old.getPublicKey())) {
            throw new InspectionException(
                    HResult.NTE_BAD_SIGNATURE,
                    CesMessage.CES0212,
                    old.getSubjectX500Principal().getName());
        }
        if (!issuedByTrustedCa(old)) {
            throw new InspectionException(
                    HResult.CERT_E_UNTRUSTEDROOT,
                    CesMessage.CES0213,
                    old.getIssuerX500Principal().getName());
        }
        Instant now = clock.instant();
        if (now.isBefore(old.getNotBefore().toInstant())
                || now.isAfter(old.getNotAfter().toInstant().plus(grace))) {
            throw new InspectionException(
                    HResult.CERT_E_EXPIRED,
                    CesMessage.CES0214,
                    old.getNotBefore().toInstant(),
                    old.getNotAfter().toInstant(),
                    grace);
        }
        return new Renewal(old, templates.ofCertificate(holder));
    }

    /** The template asked for ({@code cn}, {@code oid}) is the one of the certificate renewed. */
    public static void requireSameTemplate(Renewal renewal, String cn, Optional<String> oid)
            throws InspectionException {
        if (renewal.template().isEmpty()) {
            throw new InspectionException(HResult.CERTSRV_E_TEMPLATE_CONFLICT, CesMessage.CES0220);
        }
        if (!renewal.template().get().refersTo(cn, oid)) {
            throw new InspectionException(
                    HResult.CERTSRV_E_TEMPLATE_CONFLICT,
                    CesMessage.CES0215,
                    cn,
                    renewal.template().get());
        }
    }

    /**
     * Key-based renewal ([MS-WSTEP] 3.1.1.1.2 with the CES's AllowKeyBasedRenewal): the renewed
     * certificate is the one the caller presented in TLS, and the template allows it ([MS-CRTD]
     * 2.26, 0x00010000).
     */
    public static void requireKeyBasedRenewal(
            Renewal renewal, X509Certificate tlsCertificate, boolean templateAllows, String templateCn)
            throws InspectionException {
        try {
            if (!Arrays.equals(renewal.certificate().getEncoded(), tlsCertificate.getEncoded())) {
                throw new InspectionException(HResult.E_ACCESSDENIED, CesMessage.CES0216);
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new InspectionException(HResult.E_ACCESSDENIED, CesMessage.CES0216);
        }
        if (!templateAllows) {
            throw new InspectionException(HResult.CERTSRV_E_TEMPLATE_DENIED, CesMessage.CES0217, templateCn);
        }
    }

    private static boolean inCertificates(CMSSignedData cms, byte[] der) {
        for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
            try {
                if (Arrays.equals(h.getEncoded(), der)) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private boolean issuedByTrustedCa(X509Certificate certificate) {
        for (X509Certificate ca : trustedIssuers) {
            if (ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(ca.getPublicKey());
                    return true;
                } catch (GeneralSecurityException | RuntimeException e) {
                    // another certificate of the same CA name (a renewed CA key) may still match
                }
            }
        }
        return false;
    }
}
