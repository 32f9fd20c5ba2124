package org.cews.policy.acl;

import java.util.HexFormat;

/** Test helper: hex with spaces, line breaks and {@code #} comments ignored. */
public final class Hex {

    private Hex() {}

    public static byte[] bytes(String annotated) {
        StringBuilder sb = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int hash = line.indexOf('#');
            sb.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(sb.toString());
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
