package org.cews.policy.model;

/**
 * The flags attribute of an msPKI-Enterprise-Oid object: which kind of OID it is (certca.h
 * CERT_OID_TYPE_*, docs/CA-RPC-AD.md §5.5). An open value.
 */
public record OidType(int code) {

    public static final OidType TEMPLATE = new OidType(1);
    public static final OidType ISSUANCE_POLICY = new OidType(2);
    public static final OidType APPLICATION_POLICY = new OidType(3);

    /** The MS-XCEP OID group (§3.1.4.1.3.16): 9 enrollment object, 8 issuance policy, 7 EKU; 0 if none. */
    public int xcepGroup() {
        return switch (code) {
            case 1 -> 9;
            case 2 -> 8;
            case 3 -> 7;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return switch (code) {
            case 1 -> "TEMPLATE";
            case 2 -> "ISSUANCE_POLICY";
            case 3 -> "APPLICATION_POLICY";
            default -> "OidType(" + code + ")";
        };
    }
}
