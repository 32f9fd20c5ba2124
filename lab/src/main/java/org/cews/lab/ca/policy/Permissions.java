package org.cews.lab.ca.policy;

import java.util.Optional;
import org.cews.policy.acl.AccessEvaluator;
import org.cews.policy.acl.ControlAccessRight;
import org.cews.policy.acl.Decision;
import org.cews.policy.acl.SecurityDescriptor;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.wcce.msicpr.HResult;

/**
 * Enroll checks with ldap-policy's evaluator: on the template ([MS-WCCE] 3.2.2.6.2.1.4.3 "Verify
 * End Entity Permissions" with [MS-CRTD] 2.5.1; CERTSRV_E_TEMPLATE_DENIED) and on the CA. A real CA
 * keeps its own Enroll ACL in the registry (docs/CA-RPC-AD.md §5.4); the lab reads it from its
 * pKIEnrollmentService object instead (CERTSRV_E_ENROLL_DENIED). A template whose security
 * descriptor the directory did not return grants nothing.
 */
public final class Permissions {

    private Permissions() {}

    public static void requireTemplateEnroll(CertificateTemplate t, EndEntity who) throws PolicyDenied {
        Optional<Decision> d = t.securityDescriptor().map(sd -> check(sd, who));
        if (d.isEmpty() || !d.get().granted()) {
            throw new PolicyDenied(
                    HResult.CERTSRV_E_TEMPLATE_DENIED,
                    "The permissions on the certificate template do not allow the current user to enroll for this"
                            + " type of certificate: " + who.name() + " on " + t.cn() + ": "
                            + d.map(Decision::explain).orElse("no security descriptor") + ".");
        }
    }

    public static void requireCaEnroll(EnrollmentService ca, EndEntity who) throws PolicyDenied {
        Optional<Decision> d = ca.securityDescriptor().map(sd -> check(sd, who));
        if (d.isPresent() && !d.get().granted()) {
            throw new PolicyDenied(
                    HResult.CERTSRV_E_ENROLL_DENIED,
                    "The permissions on this certification authority do not allow the current user to enroll for"
                            + " certificates: " + d.get().explain() + ".");
        }
    }

    private static Decision check(SecurityDescriptor sd, EndEntity who) {
        return AccessEvaluator.check(sd, who.sids(), ControlAccessRight.ENROLL);
    }
}
