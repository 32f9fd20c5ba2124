package org.cews.policy.model;

import org.cews.policy.BitFlag;

/**
 * msPKI-Certificate-Name-Flag ([MS-CRTD] 2.28); XCEP subjectNameFlags. AD stores it signed
 * ("-1509949440" is 0xa6000000); the bits are read unsigned.
 */
public enum CertificateNameFlag implements BitFlag {
    CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT(0x0000_0001),
    CT_FLAG_OLD_CERT_SUPPLIES_SUBJECT_AND_ALT_NAME(0x0000_0008),
    CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT_ALT_NAME(0x0001_0000),
    CT_FLAG_SUBJECT_ALT_REQUIRE_DOMAIN_DNS(0x0040_0000),
    CT_FLAG_SUBJECT_ALT_REQUIRE_SPN(0x0080_0000),
    CT_FLAG_SUBJECT_ALT_REQUIRE_DIRECTORY_GUID(0x0100_0000),
    CT_FLAG_SUBJECT_ALT_REQUIRE_UPN(0x0200_0000),
    CT_FLAG_SUBJECT_ALT_REQUIRE_EMAIL(0x0400_0000),
    CT_FLAG_SUBJECT_ALT_REQUIRE_DNS(0x0800_0000),
    CT_FLAG_SUBJECT_REQUIRE_DNS_AS_CN(0x1000_0000),
    CT_FLAG_SUBJECT_REQUIRE_EMAIL(0x2000_0000),
    CT_FLAG_SUBJECT_REQUIRE_COMMON_NAME(0x4000_0000),
    CT_FLAG_SUBJECT_REQUIRE_DIRECTORY_PATH(0x8000_0000);

    private final int bit;

    CertificateNameFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
