package org.cews.policy.acl;

import org.cews.policy.BitFlag;

/** SECURITY_DESCRIPTOR.Control ([MS-DTYP] 2.4.6), as the little-endian 16-bit value. */
public enum SdControl implements BitFlag {
    OWNER_DEFAULTED(0x0001),
    GROUP_DEFAULTED(0x0002),
    /** DP: without it the object has no DACL, which grants everything ([MS-ADTS] 5.1.3.3.1). */
    DACL_PRESENT(0x0004),
    DACL_DEFAULTED(0x0008),
    SACL_PRESENT(0x0010),
    SACL_DEFAULTED(0x0020),
    DACL_TRUSTED(0x0040),
    SERVER_SECURITY(0x0080),
    DACL_COMPUTED_INHERITANCE_REQUIRED(0x0100),
    SACL_COMPUTED_INHERITANCE_REQUIRED(0x0200),
    DACL_AUTO_INHERITED(0x0400),
    SACL_AUTO_INHERITED(0x0800),
    DACL_PROTECTED(0x1000),
    SACL_PROTECTED(0x2000),
    RM_CONTROL_VALID(0x4000),
    SELF_RELATIVE(0x8000);

    private final int bit;

    SdControl(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
