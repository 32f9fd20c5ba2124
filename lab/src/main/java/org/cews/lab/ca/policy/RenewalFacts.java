package org.cews.lab.ca.policy;

import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What the renewal rules established about a request.
 *
 * @param oldCertificate the certificate being renewed, if this is a renewal
 * @param reenrollmentApproved CT_FLAG_PREVIOUS_APPROVAL_VALIDATE_REENROLLMENT applies: the RA
 *     signature rules and CT_FLAG_PEND_ALL_REQUESTS are skipped ([MS-WCCE] 3.2.2.6.2.1.4.5.6, .4.8)
 * @param keyBased CT_FLAG_ALLOW_PREVIOUS_APPROVAL_KEYBASEDRENEWAL_VALIDATE_REENROLLMENT applies: the
 *     Enroll check is skipped ([MS-CRTD] 2.26)
 */
public record RenewalFacts(
        Optional<X509CertificateHolder> oldCertificate, boolean reenrollmentApproved, boolean keyBased) {

    public static final RenewalFacts NEW_REQUEST = new RenewalFacts(Optional.empty(), false, false);

    public boolean isRenewal() {
        return oldCertificate.isPresent();
    }
}
