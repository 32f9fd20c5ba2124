package org.cews.policy.model;

import org.cews.policy.BitFlag;
import org.cews.policy.FlagWord;

/**
 * msPKI-Private-Key-Flag ([MS-CRTD] 2.27); XCEP privateKeyFlags. The word also carries two version
 * nibbles that are not flags: the minimum CA version (mask 0x000F0000) and the minimum client
 * version (mask 0x0F000000), which the XCEP request filter compares against.
 */
public enum PrivateKeyFlag implements BitFlag {
    CT_FLAG_REQUIRE_PRIVATE_KEY_ARCHIVAL(0x0000_0001),
    CT_FLAG_EXPORTABLE_KEY(0x0000_0010),
    CT_FLAG_STRONG_KEY_PROTECTION_REQUIRED(0x0000_0020),
    CT_FLAG_REQUIRE_ALTERNATE_SIGNATURE_ALGORITHM(0x0000_0040),
    CT_FLAG_REQUIRE_SAME_KEY_RENEWAL(0x0000_0080),
    /** Schema 4: read msPKI-RA-Application-Policies with syntax option 1 ([MS-CRTD] 2.23.1). */
    CT_FLAG_USE_LEGACY_PROVIDER(0x0000_0100),
    CT_FLAG_EK_TRUST_ON_USE(0x0000_0200),
    CT_FLAG_EK_VALIDATE_CERT(0x0000_0400),
    CT_FLAG_EK_VALIDATE_KEY(0x0000_0800),
    CT_FLAG_ATTEST_PREFERRED(0x0000_1000),
    CT_FLAG_ATTEST_REQUIRED(0x0000_2000),
    CT_FLAG_ATTESTATION_WITHOUT_POLICY(0x0000_4000),
    CT_FLAG_HELLO_LOGON_KEY(0x0020_0000),
    /** Not a flag: the minimum CA version nibble. */
    SERVER_VERSION_MASK(0x000F_0000),
    /** Not a flag: the minimum client version nibble. */
    CLIENT_VERSION_MASK(0x0F00_0000);

    private final int bit;

    PrivateKeyFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** The minimum CA version, 0-15 (1 = Windows Server 2003 ... 6 = 2016). */
    public static int serverVersion(FlagWord<PrivateKeyFlag> word) {
        return (word.value() & SERVER_VERSION_MASK.bit()) >>> 16;
    }

    /** The minimum client version, 0-15 (1 = Windows XP ... 6 = Windows 10). */
    public static int clientVersion(FlagWord<PrivateKeyFlag> word) {
        return (word.value() & CLIENT_VERSION_MASK.bit()) >>> 24;
    }
}
