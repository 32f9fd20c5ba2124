package org.cews.policy.model;

import org.cews.policy.BitFlag;

/** The template's flags attribute ([MS-CRTD] 2.4); XCEP generalFlags. */
public enum GeneralFlag implements BitFlag {
    /** Reserved, ignored by all protocols. */
    CT_FLAG_ADD_EMAIL(0x0000_0002),
    /** Reserved, ignored by all protocols. */
    CT_FLAG_PUBLISH_TO_DS(0x0000_0008),
    /** Reserved, ignored by all protocols. */
    CT_FLAG_EXPORTABLE_KEY(0x0000_0010),
    CT_FLAG_AUTO_ENROLLMENT(0x0000_0020),
    /** The template is for machines; Windows treats it as a user template without it. */
    CT_FLAG_MACHINE_TYPE(0x0000_0040),
    CT_FLAG_IS_CA(0x0000_0080),
    CT_FLAG_ADD_TEMPLATE_NAME(0x0000_0200),
    CT_FLAG_IS_CROSS_CA(0x0000_0800),
    CT_FLAG_DONOTPERSISTINDB(0x0000_1000),
    CT_FLAG_IS_DEFAULT(0x0001_0000),
    CT_FLAG_IS_MODIFIED(0x0002_0000);

    private final int bit;

    GeneralFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
