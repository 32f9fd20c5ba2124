package org.cews.wcce.kerberos.gss;

/**
 * The context flags of the 0x8003 authenticator checksum (RFC 4121 §4.1.1.1; DCE_STYLE and the
 * two after it from RFC 4757 §7.1 and [MS-KILE] 3.4.5.1). A set of flags travels as a raw
 * {@code int} so that unknown bits survive; this enum names the known ones.
 */
public enum GssFlag {
    DELEG(0x01),
    MUTUAL(0x02),
    REPLAY(0x04),
    SEQUENCE(0x08),
    CONF(0x10),
    INTEG(0x20),
    DCE_STYLE(0x1000),
    IDENTIFY(0x2000),
    EXTENDED_ERROR(0x4000);

    private final int bit;

    GssFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean isSet(int flags) {
        return (flags & bit) != 0;
    }

    public static int bits(GssFlag... flags) {
        int bits = 0;
        for (GssFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }
}
