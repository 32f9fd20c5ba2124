package org.cews.lab.ca.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.MsOids;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.ca.request.RequestRejected;
import org.cews.lab.ca.request.TemplateExtensions;
import org.cews.lab.ca.request.TemplateId;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateNameFlag;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentFlag;
import org.cews.policy.model.PrivateKeyFlag;
import org.cews.wcce.msicpr.HResult;

/**
 * Renewal: [MS-WCCE] 3.2.1.4.2.1.4.2.1-2 (the old certificate is in the renewal attribute and in
 * the CMS certificates, and its key signed the request), 3.2.2.6.2.1.2.3 (same template),
 * 3.2.2.6.2.1.4.5.7 (CT_FLAG_REQUIRE_SAME_KEY_RENEWAL), 3.2.2.6.2.1.4.8 (when
 * CT_FLAG_PREVIOUS_APPROVAL_VALIDATE_REENROLLMENT applies) and [MS-CRTD] 2.26 (key-based renewal).
 * The lab trusts only certificates it issued: a foreign or expired old certificate is refused with
 * the certificate chain errors AD CS reports [inferred].
 */
public final class RenewalRules {

    private RenewalRules() {}

    public static RenewalFacts check(
            ParsedRequest request,
            CertificateTemplate template,
            PolicySnapshot policy,
            CaIdentity ca,
            Instant now,
            EndEntity caller)
            throws PolicyDenied {
        Optional<X509CertificateHolder> renewal = request.renewalCertificate();
        if (renewal.isEmpty()) {
            return RenewalFacts.NEW_REQUEST;
        }
        X509CertificateHolder old = renewal.get();
        if (request.signers().stream().noneMatch(s -> s.certificate().equals(old))) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE,
                    "The renewal request is not signed with the key of the certificate it renews (" + old.getSubject()
                            + ").");
        }
        if (!ca.issued(old)) {
            throw new PolicyDenied(
                    CertSrvErrors.CERT_E_UNTRUSTEDROOT,
                    "The certificate being renewed was not issued by this CA: " + old.getIssuer() + ".");
        }
        if (!CaIdentity.validAt(old, now)) {
            throw new PolicyDenied(
                    CertSrvErrors.CERT_E_EXPIRED,
                    "The certificate being renewed is not valid now: "
                            + old.getNotAfter().toInstant() + ".");
        }
        List<TemplateId> oldIds = oldTemplateIds(old);
        boolean sameTemplate = !oldIds.isEmpty()
                && oldIds.stream().allMatch(id -> TemplateResolver.lookup(id, policy)
                        .filter(t -> t.cn().equalsIgnoreCase(template.cn()))
                        .isPresent());
        if (!sameTemplate) {
            throw new PolicyDenied(
                    HResult.CERTSRV_E_TEMPLATE_CONFLICT,
                    "The renewal request is for " + template.cn()
                            + "; the certificate being renewed is from another template.");
        }
        if (template.privateKeyFlags().has(PrivateKeyFlag.CT_FLAG_REQUIRE_SAME_KEY_RENEWAL)
                && !old.getSubjectPublicKeyInfo()
                        .equals(request.pkcs10().request().getSubjectPublicKeyInfo())) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_RENEWAL_BAD_PUBLIC_KEY, template.cn() + " renews with the same key only.");
        }
        boolean approved =
                template.enrollmentFlags().has(EnrollmentFlag.CT_FLAG_PREVIOUS_APPROVAL_VALIDATE_REENROLLMENT)
                        && reenrollmentConditions(request, template, old, oldIds, caller);
        boolean suppliesSubject = template.nameFlags().has(CertificateNameFlag.CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT);
        return new RenewalFacts(renewal, approved, approved && suppliesSubject && template.allowsKeyBasedRenewal());
    }

    private static List<TemplateId> oldTemplateIds(X509CertificateHolder old) throws PolicyDenied {
        try {
            return TemplateExtensions.read(old.getExtensions(), "old certificate");
        } catch (RequestRejected e) {
            throw new PolicyDenied(CertSrvErrors.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE, e.getMessage());
        }
    }

    /** [MS-WCCE] 3.2.2.6.2.1.4.8: when the previous approval may stand for this one. */
    private static boolean reenrollmentConditions(
            ParsedRequest request,
            CertificateTemplate template,
            X509CertificateHolder old,
            List<TemplateId> oldIds,
            EndEntity caller) {
        boolean hasTemplateOid = oldIds.stream()
                .anyMatch(id -> id instanceof TemplateId.ByOid o
                        && template.oid().filter(o.oid()::equals).isPresent());
        if (!hasTemplateOid) {
            return false;
        }
        if (template.nameFlags().has(CertificateNameFlag.CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT)) {
            var subject = request.pkcs10().request().getSubject();
            return subject.getRDNs().length > 0 && subject.equals(old.getSubject());
        }
        GeneralNames san = GeneralNames.fromExtensions(old.getExtensions(), Extension.subjectAlternativeName);
        if (san == null) {
            return false;
        }
        for (GeneralName name : san.getNames()) {
            if (name.getTagNo() == GeneralName.rfc822Name
                    && caller.account()
                            .mail()
                            .filter(name.getName().toString()::equalsIgnoreCase)
                            .isPresent()) {
                return true;
            }
            if (name.getTagNo() == GeneralName.otherName) {
                OtherName other = OtherName.getInstance(name.getName());
                if (other.getTypeID().equals(MsOids.NT_PRINCIPAL_NAME)
                        && other.getValue() instanceof ASN1String upn
                        && caller.account()
                                .userPrincipalName()
                                .filter(upn.getString()::equalsIgnoreCase)
                                .isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }
}
