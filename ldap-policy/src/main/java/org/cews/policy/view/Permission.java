package org.cews.policy.view;

import java.util.Optional;
import org.cews.policy.acl.TemplatePermission;

/**
 * XCEP permission of one policy for the requester ([MS-XCEP] 3.1.4.1.3.11 EnrollmentPermission),
 * with the ACL decisions it came from when the template's DACL was evaluated ([MS-CRTD] 2.5.1,
 * 2.5.2). {@code acl} is empty in key-based-renewal mode, where the Enroll check is skipped.
 */
public record Permission(boolean enroll, boolean autoEnroll, Optional<TemplatePermission> acl) {

    /**
     * From the template's DACL: autoEnroll needs Enroll as well (docs/CA-RPC-AD.md §6.4). It is not
     * combined with the template's CT_FLAG_AUTO_ENROLLMENT: XCEP carries that flag separately in
     * enrollmentFlags and generalFlags, and clients check both (docs/XCEP-WSTEP.md §2.3.1).
     */
    public static Permission fromAcl(TemplatePermission acl) {
        return new Permission(acl.canEnroll(), acl.canAutoEnroll(), Optional.of(acl));
    }

    /**
     * Key-based renewal: the renewal's signature by the old key authorizes it, so Enroll is not
     * checked ([MS-CRTD] 2.26 0x00010000; docs/XCEP-WSTEP.md §3.8) and enroll is reported true. autoEnroll
     * follows the template's own CT_FLAG_AUTO_ENROLLMENT, there being no account to check AutoEnroll
     * for (a decision: the specifications say nothing about it).
     */
    public static Permission keyBasedRenewal(boolean templateAutoEnrolls) {
        return new Permission(true, templateAutoEnrolls, Optional.empty());
    }
}
