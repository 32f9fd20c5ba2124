package org.cews.policy.acl;

import org.cews.policy.BitFlag;

/**
 * ACCESS_MASK bits ([MS-DTYP] 2.4.3) with the directory-service rights of [MS-ADTS] 5.1.3.2 (the
 * SDDL abbreviations in brackets).
 */
public enum AccessRight implements BitFlag {
    /** [CC] */
    DS_CREATE_CHILD(0x0000_0001),
    /** [DC] */
    DS_DELETE_CHILD(0x0000_0002),
    /** [LC] */
    DS_LIST_CHILDREN(0x0000_0004),
    /** [SW] */
    DS_SELF(0x0000_0008),
    /** [RP] */
    DS_READ_PROPERTY(0x0000_0010),
    /** [WP] */
    DS_WRITE_PROPERTY(0x0000_0020),
    /** [DT] */
    DS_DELETE_TREE(0x0000_0040),
    /** [LO] */
    DS_LIST_OBJECT(0x0000_0080),
    /** [CR] ADS_RIGHT_DS_CONTROL_ACCESS: the extended rights, Enroll and AutoEnroll among them. */
    DS_CONTROL_ACCESS(0x0000_0100),
    /** [SD] */
    DELETE(0x0001_0000),
    /** [RC] */
    READ_CONTROL(0x0002_0000),
    /** [WD] */
    WRITE_DAC(0x0004_0000),
    /** [WO] */
    WRITE_OWNER(0x0008_0000),
    SYNCHRONIZE(0x0010_0000),
    ACCESS_SYSTEM_SECURITY(0x0100_0000),
    MAXIMUM_ALLOWED(0x0200_0000),
    /** [GA] */
    GENERIC_ALL(0x1000_0000),
    /** [GX] */
    GENERIC_EXECUTE(0x2000_0000),
    /** [GW] */
    GENERIC_WRITE(0x4000_0000),
    /** [GR] */
    GENERIC_READ(0x8000_0000);

    /** "Full control" as AD stores it in a template DACL: every DS right plus the standard rights. */
    public static final int FULL_CONTROL = 0x000F_01FF;

    private final int bit;

    AccessRight(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
