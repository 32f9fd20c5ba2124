package org.cews.policy.view;

import java.util.Optional;
import org.cews.policy.model.OidType;

/** The OID group of [MS-XCEP] 3.1.4.1.3.16: what kind of object an OID names. */
public enum OidGroup {
    HASH_ALGORITHM(1),
    ENCRYPTION_ALGORITHM(2),
    PUBLIC_KEY_ALGORITHM(3),
    SIGNING_ALGORITHM(4),
    RDN(5),
    EXTENSION_OR_ATTRIBUTE(6),
    /** Extended key usages and application policies. */
    EKU(7),
    /** Issuance (certificate) policies. */
    CERTIFICATE_POLICY(8),
    /** The template OID: a policy's policyOIDReference. */
    ENROLLMENT_OBJECT(9);

    private final int code;

    OidGroup(int code) {
        this.code = code;
    }

    /** The xs:unsignedInt XCEP carries. */
    public int code() {
        return code;
    }

    /** The group of an enterprise OID's type (docs/CA-RPC-AD.md §5.5), if it names one. */
    public static Optional<OidGroup> of(OidType type) {
        for (OidGroup g : values()) {
            if (g.code == type.xcepGroup()) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
