package org.cews.policy.acl;

/**
 * The two rights a certificate template grants a caller ([MS-CRTD] 2.5.1, 2.5.2), each with the
 * decision that led to it. XCEP's permission/autoEnroll is usable only with Enroll as well; the
 * template's own CT_FLAG_AUTO_ENROLLMENT travels in XCEP's flags ({@code view.Permission#fromAcl}).
 */
public record TemplatePermission(Decision enroll, Decision autoEnroll) {

    public boolean canEnroll() {
        return enroll.granted();
    }

    /** AutoEnroll and Enroll both granted (docs/CA-RPC-AD.md §6.4). */
    public boolean canAutoEnroll() {
        return enroll.granted() && autoEnroll.granted();
    }
}
