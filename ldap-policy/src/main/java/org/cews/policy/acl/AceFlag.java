package org.cews.policy.acl;

import org.cews.policy.BitFlag;

/** ACE_HEADER.AceFlags ([MS-DTYP] 2.4.4.1). */
public enum AceFlag implements BitFlag {
    OBJECT_INHERIT_ACE(0x01),
    CONTAINER_INHERIT_ACE(0x02),
    NO_PROPAGATE_INHERIT_ACE(0x04),
    /** The ACE does not control access to the object it is attached to: access checks skip it. */
    INHERIT_ONLY_ACE(0x08),
    INHERITED_ACE(0x10),
    SUCCESSFUL_ACCESS_ACE_FLAG(0x40),
    FAILED_ACCESS_ACE_FLAG(0x80);

    private final int bit;

    AceFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
