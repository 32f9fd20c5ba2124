package org.cews.policy.acl;

import java.util.UUID;

/**
 * An extended (control access) right, identified by its rightsGuid ([MS-ADTS] 5.1.3.2.1). The two
 * that matter for certificate templates are Enroll and AutoEnroll ([MS-CRTD] 2.5.2 table).
 */
public record ControlAccessRight(String name, UUID guid) {

    /** Certificate-Enrollment, [MS-CRTD] 2.5.1. */
    public static final ControlAccessRight ENROLL =
            new ControlAccessRight("Enroll", UUID.fromString("0e10c968-78fb-11d2-90d4-00c04f79dc55"));

    /** Autoenrollment, [MS-CRTD] 2.5.2. */
    public static final ControlAccessRight AUTO_ENROLL =
            new ControlAccessRight("AutoEnroll", UUID.fromString("a05b8cc2-17bc-4802-a710-e7c15ab866a2"));

    @Override
    public String toString() {
        return name + " {" + guid + "}";
    }
}
