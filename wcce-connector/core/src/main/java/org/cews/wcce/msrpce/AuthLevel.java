package org.cews.wcce.msrpce;

/**
 * The auth_level of a sec_trailer ([MS-RPCE] 2.2.1.1.8, 2.2.2.11). An open value: decoding an
 * unknown code keeps it. This layer protects calls only at {@link #PKT_PRIVACY}.
 */
public record AuthLevel(int code) {

    public static final AuthLevel DEFAULT = new AuthLevel(0);
    public static final AuthLevel NONE = new AuthLevel(1);
    public static final AuthLevel CONNECT = new AuthLevel(2);
    public static final AuthLevel CALL = new AuthLevel(3);
    public static final AuthLevel PKT = new AuthLevel(4);
    public static final AuthLevel PKT_INTEGRITY = new AuthLevel(5);
    public static final AuthLevel PKT_PRIVACY = new AuthLevel(6);

    private static final String[] NAMES = {"default", "none", "connect", "call", "pkt", "pkt_integrity", "pkt_privacy"};

    public AuthLevel {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("auth_level is one byte (actual: " + code + ")");
        }
    }

    public String name() {
        return code < NAMES.length ? NAMES[code] : "unknown";
    }

    @Override
    public String toString() {
        return name() + "(" + code + ")";
    }
}
