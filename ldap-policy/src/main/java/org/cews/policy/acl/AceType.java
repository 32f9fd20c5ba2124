package org.cews.policy.acl;

/**
 * ACE_HEADER.AceType ([MS-DTYP] 2.4.4.1). An open value: an unknown type is kept, its ACE is
 * carried as an {@link OpaqueAce} and skipped by access checks.
 */
public record AceType(int code) {

    public static final AceType ACCESS_ALLOWED = new AceType(0x00);
    public static final AceType ACCESS_DENIED = new AceType(0x01);
    public static final AceType SYSTEM_AUDIT = new AceType(0x02);
    public static final AceType ACCESS_ALLOWED_OBJECT = new AceType(0x05);
    public static final AceType ACCESS_DENIED_OBJECT = new AceType(0x06);
    public static final AceType SYSTEM_AUDIT_OBJECT = new AceType(0x07);
    public static final AceType ACCESS_ALLOWED_CALLBACK = new AceType(0x09);
    public static final AceType ACCESS_DENIED_CALLBACK = new AceType(0x0A);
    public static final AceType SYSTEM_MANDATORY_LABEL = new AceType(0x11);

    public AceType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("AceType is one byte (actual: " + code + ")");
        }
    }

    /** Types laid out as Mask, Sid ([MS-DTYP] 2.4.4.2, 2.4.4.4, 2.4.4.10, 2.4.4.13). */
    boolean isSimple() {
        return code == 0x00 || code == 0x01 || code == 0x02 || code == 0x11;
    }

    /** Types laid out as Mask, Flags, [ObjectType], [InheritedObjectType], Sid (2.4.4.3, 2.4.4.5, 2.4.4.11). */
    boolean isObject() {
        return code == 0x05 || code == 0x06 || code == 0x07;
    }

    @Override
    public String toString() {
        return switch (code) {
            case 0x00 -> "ACCESS_ALLOWED";
            case 0x01 -> "ACCESS_DENIED";
            case 0x02 -> "SYSTEM_AUDIT";
            case 0x05 -> "ACCESS_ALLOWED_OBJECT";
            case 0x06 -> "ACCESS_DENIED_OBJECT";
            case 0x07 -> "SYSTEM_AUDIT_OBJECT";
            case 0x09 -> "ACCESS_ALLOWED_CALLBACK";
            case 0x0A -> "ACCESS_DENIED_CALLBACK";
            case 0x11 -> "SYSTEM_MANDATORY_LABEL";
            default -> String.format("AceType(0x%02x)", code);
        };
    }
}
