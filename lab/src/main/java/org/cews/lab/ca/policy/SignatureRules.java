package org.cews.lab.ca.policy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.MsOids;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.request.CmsSigner;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.Oid;
import org.cews.policy.model.RaRequirements;

/**
 * Registration-authority signatures: the signer certificates of the envelope other than the
 * certificate being renewed.
 *
 * <ul>
 *   <li>Enroll on behalf of ([MS-WCCE] 3.2.2.6.2.1.2.1): at least one agent signature, and every
 *       agent certificate has the Certificate Request Agent EKU (CERTSRV_E_SIGNATURE_POLICY_REQUIRED,
 *       CERTSRV_E_SIGNATURE_REJECTED); a v2+ template must ask for signatures at all
 *       (CERTSRV_E_BAD_RENEWAL_SUBJECT, whose certsrv.h text says exactly that).
 *   <li>msPKI-RA-Signature, msPKI-RA-Policies, msPKI-RA-Application-Policies for v2+ templates
 *       ([MS-WCCE] 3.2.2.6.2.1.4.5.1, .3, .4), unless a re-enrollment is approved by the old
 *       certificate (3.2.2.6.2.1.4.5.6).
 *   <li>The lab trusts agents and RAs only if this CA issued them and they are valid now.
 * </ul>
 */
public final class SignatureRules {

    private SignatureRules() {}

    public static void check(
            ParsedRequest request,
            CertificateTemplate template,
            boolean onBehalfOf,
            RenewalFacts renewal,
            CaIdentity ca,
            Instant now)
            throws PolicyDenied {
        List<X509CertificateHolder> ra = request.signers().stream()
                .map(CmsSigner::certificate)
                .filter(c -> renewal.oldCertificate().filter(c::equals).isEmpty())
                .distinct()
                .toList();
        for (X509CertificateHolder c : ra) {
            trust(c, ca, now);
        }
        boolean v2 = template.schemaVersion() >= 2;
        RaRequirements required = template.raRequirements();
        if (onBehalfOf) {
            if (v2 && required.signatures() == 0) {
                throw new PolicyDenied(
                        CertSrvErrors.CERTSRV_E_BAD_RENEWAL_SUBJECT,
                        "The request was made on behalf of a subject other than the caller. The certificate template "
                                + template.cn() + " must be configured to require at least one signature to authorize"
                                + " the request.");
            }
            if (ra.isEmpty()) {
                throw noSignature(template);
            }
            for (X509CertificateHolder c : ra) {
                if (!CertificatePurposes.applicationPolicies(c).contains(MsOids.ENROLLMENT_AGENT.getId())) {
                    throw new PolicyDenied(
                            CertSrvErrors.CERTSRV_E_SIGNATURE_REJECTED,
                            "The enrollment agent certificate " + c.getSubject()
                                    + " lacks the Certificate Request Agent application policy.");
                }
            }
        }
        if (!v2 || renewal.reenrollmentApproved() || required.signatures() == 0) {
            return;
        }
        if (ra.isEmpty()) {
            throw noSignature(template);
        }
        if (ra.size() < required.signatures()) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_SIGNATURE_COUNT,
                    "The request is missing one or more required signatures: " + template.cn() + " needs "
                            + required.signatures() + ", the request has " + ra.size() + ".");
        }
        requireEach(ra, required.applicationPolicies().raApplicationPolicies(), true, template);
        requireEach(ra, required.issuancePolicies(), false, template);
    }

    private static PolicyDenied noSignature(CertificateTemplate template) {
        return new PolicyDenied(
                CertSrvErrors.CERTSRV_E_SIGNATURE_POLICY_REQUIRED,
                "The request is missing required signature policy information: " + template.cn()
                        + " needs a registration authority signature.");
    }

    private static void requireEach(
            List<X509CertificateHolder> ra, List<Oid> oids, boolean application, CertificateTemplate template)
            throws PolicyDenied {
        for (Oid oid : oids) {
            boolean held = ra.stream()
                    .map(c -> application
                            ? CertificatePurposes.applicationPolicies(c)
                            : CertificatePurposes.issuancePolicies(c))
                    .anyMatch(s -> s.contains(oid.value()));
            if (!held) {
                Set<String> subjects =
                        ra.stream().map(c -> c.getSubject().toString()).collect(Collectors.toSet());
                throw new PolicyDenied(
                        CertSrvErrors.CERTSRV_E_SIGNATURE_REJECTED,
                        "One or more signatures did not include the required application or issuance policies: "
                                + template.cn() + " needs " + oid + " from " + subjects + ".");
            }
        }
    }

    private static void trust(X509CertificateHolder c, CaIdentity ca, Instant now) throws PolicyDenied {
        if (!ca.issued(c)) {
            throw new PolicyDenied(
                    CertSrvErrors.CERT_E_UNTRUSTEDROOT,
                    "The signer certificate " + c.getSubject() + " was not issued by this CA.");
        }
        if (!CaIdentity.validAt(c, now)) {
            throw new PolicyDenied(
                    CertSrvErrors.CERT_E_EXPIRED, "The signer certificate " + c.getSubject() + " is not valid now.");
        }
    }
}
