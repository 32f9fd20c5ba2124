package org.cews.wcce.msnlmp;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/** The common values of [MS-NLMP] 4.2.1 and the challenge flags of 4.2.4. */
final class SpecValues {

    static final String USER = "User";
    static final String DOMAIN = "Domain";
    static final char[] PASSWORD = "Password".toCharArray();
    static final byte[] SERVER_CHALLENGE = hex("0123456789abcdef");
    static final byte[] CLIENT_CHALLENGE = filled(8, 0xaa);
    static final byte[] RANDOM_SESSION_KEY = filled(16, 0x55);
    /** Time = 0 as a FILETIME. */
    static final Instant TIME_ZERO = Instant.parse("1601-01-01T00:00:00Z");
    /** 4.2.4: KEY_EXCH|56|128|VERSION|TARGET_INFO|ESS|TARGET_TYPE_SERVER|ALWAYS_SIGN|NTLM|SEAL|SIGN|OEM|UNICODE. */
    static final NegotiateFlags CHALLENGE_FLAGS = new NegotiateFlags(0xe28a8233);

    private SpecValues() {}

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
