package org.cews.lab.ca.issue;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.cews.lab.ca.policy.CertificateOrder;
import org.cews.policy.model.EnrollmentFlag;

/**
 * Signs a {@link CertificateOrder} ([MS-WCCE] 3.2.1.4.2.1.4.7 "Constructing Certificate" and
 * .4.8 "Signing"): a random serial ({@link SerialNumbers}), notBefore = now minus the clock skew
 * (Config_CA_Clock_Skew_Minutes), notAfter = now plus the template's period but never past the CA
 * certificate, the order's extensions, SKI and AKI (key identifier only, as AD CS writes it), and
 * the configured CDP, AIA and OCSP URLs unless the template says CT_FLAG_NOREVOCATIONINFOINISSUEDCERTS
 * or the certificate carries OCSP no-check.
 */
public final class CertificateIssuer {

    private final CaIdentity ca;
    private final SecureRandom random;
    private final Duration clockSkew;
    private final List<String> cdpUrls;
    private final List<String> aiaUrls;
    private final List<String> ocspUrls;

    public CertificateIssuer(
            CaIdentity ca, SecureRandom random, Duration clockSkew, List<String> cdpUrls, List<String> aiaUrls) {
        this(ca, random, clockSkew, cdpUrls, aiaUrls, List.of());
    }

    public CertificateIssuer(
            CaIdentity ca,
            SecureRandom random,
            Duration clockSkew,
            List<String> cdpUrls,
            List<String> aiaUrls,
            List<String> ocspUrls) {
        this.ca = ca;
        this.random = random;
        this.clockSkew = clockSkew;
        this.cdpUrls = List.copyOf(cdpUrls);
        this.aiaUrls = List.copyOf(aiaUrls);
        this.ocspUrls = List.copyOf(ocspUrls);
    }

    public X509CertificateHolder issue(CertificateOrder order, Instant now) {
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        Instant notAfter = now.plus(order.validity()).isAfter(caEnd) ? caEnd : now.plus(order.validity());
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                ca.certificate().getSubject(),
                SerialNumbers.next(random),
                Date.from(now.minus(clockSkew)),
                Date.from(notAfter),
                order.subject(),
                order.publicKey());
        try {
            for (Extension e : order.extensions()) {
                b.addExtension(e);
            }
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(order.publicKey()));
            SubjectKeyIdentifier caSki =
                    SubjectKeyIdentifier.fromExtensions(ca.certificate().getExtensions());
            b.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    caSki != null
                            ? new AuthorityKeyIdentifier(caSki.getKeyIdentifier())
                            : utils.createAuthorityKeyIdentifier(
                                    ca.certificate().getSubjectPublicKeyInfo()));
            boolean noRevocation =
                    order.template().enrollmentFlags().has(EnrollmentFlag.CT_FLAG_NOREVOCATIONINFOINISSUEDCERTS)
                            || order.extensions().stream()
                                    .anyMatch(e -> e.getExtnId().equals(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck));
            if (!noRevocation) {
                addRevocationPointers(b);
            }
        } catch (CertIOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the certificate: " + e.getMessage(), e);
        }
        return b.build(ca.signer());
    }

    private void addRevocationPointers(X509v3CertificateBuilder b) throws CertIOException {
        if (!cdpUrls.isEmpty()) {
            GeneralName[] names = cdpUrls.stream()
                    .map(u -> new GeneralName(GeneralName.uniformResourceIdentifier, u))
                    .toArray(GeneralName[]::new);
            DistributionPoint dp =
                    new DistributionPoint(new DistributionPointName(new GeneralNames(names)), null, null);
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {dp}));
        }
        if (!aiaUrls.isEmpty() || !ocspUrls.isEmpty()) {
            AccessDescription[] ads = java.util.stream.Stream.concat(
                            aiaUrls.stream()
                                    .map(u -> new AccessDescription(
                                            AccessDescription.id_ad_caIssuers,
                                            new GeneralName(GeneralName.uniformResourceIdentifier, u))),
                            ocspUrls.stream()
                                    .map(u -> new AccessDescription(
                                            AccessDescription.id_ad_ocsp,
                                            new GeneralName(GeneralName.uniformResourceIdentifier, u))))
                    .toArray(AccessDescription[]::new);
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(ads));
        }
    }
}
