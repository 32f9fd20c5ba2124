package org.cews.ces.service;

import org.cews.ces.CesMessage;
import org.cews.ces.pki.TemplateReference;
import org.cews.ces.wstep.HResult;
import org.cews.policy.acl.AccessEvaluator;
import org.cews.policy.acl.ControlAccessRight;
import org.cews.policy.acl.Decision;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateTemplate;
import org.cews.soap.auth.Account;
import org.cews.soap.auth.CallerIdentity;

/**
 * The directory's word on a request before the CA sees it, with the CA's HRESULTs ([MS-WCCE]
 * 3.2.2.6.2.1.4): the template exists (CERTSRV_E_UNSUPPORTED_CERT_TYPE), this CA publishes it
 * (the same; 3.2.2.6.2.1.4.7) and the caller has Enroll on it (CERTSRV_E_TEMPLATE_DENIED;
 * [MS-CRTD] 2.5.1), evaluated by ldap-policy from the template's security descriptor.
 */
final class PolicyGate {

    private PolicyGate() {}

    static CertificateTemplate template(PolicySnapshot snapshot, TemplateReference reference) throws Refusal {
        return snapshot.templates().stream()
                .filter(t -> reference.refersTo(t.cn(), t.oid().map(o -> o.value())))
                .findFirst()
                .orElseThrow(() -> new Refusal(HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE, CesMessage.CES0302, reference));
    }

    static void requirePublished(PolicySnapshot snapshot, CertificateTemplate template, String caName) throws Refusal {
        boolean published = snapshot.enrollmentService(caName)
                .map(ca -> ca.publishes(template.cn()))
                .orElse(false);
        if (!published) {
            throw new Refusal(HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE, CesMessage.CES0303, template.cn(), caName);
        }
    }

    static void requireEnroll(CertificateTemplate template, CallerIdentity caller) throws Refusal {
        if (caller.account().isEmpty()) {
            throw new Refusal(HResult.CERTSRV_E_TEMPLATE_DENIED, CesMessage.CES0313, caller.name());
        }
        Account account = caller.account().get();
        if (template.securityDescriptor().isEmpty()) {
            throw new Refusal(
                    HResult.CERTSRV_E_TEMPLATE_DENIED,
                    CesMessage.CES0304,
                    caller.name(),
                    template.cn(),
                    "the directory returned no security descriptor for the template");
        }
        Decision decision =
                AccessEvaluator.check(template.securityDescriptor().get(), account.sids(), ControlAccessRight.ENROLL);
        if (!decision.granted()) {
            throw new Refusal(
                    HResult.CERTSRV_E_TEMPLATE_DENIED,
                    CesMessage.CES0304,
                    caller.name(),
                    template.cn(),
                    decision.explain());
        }
    }
}
