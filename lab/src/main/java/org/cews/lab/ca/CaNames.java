package org.cews.lab.ca;

/**
 * [MS-WCCE] 3.2.1.4.2.1.1 "Verifying the CA Name": {@code pwszAuthority} must be the CA's CN, its
 * sanitized form, or its short sanitized form (3.1.1.4.1.1: disallowed characters become
 * {@code !xxxx}; past 51 characters the name is cut and "-" plus a 5-digit hash of the cut part is
 * appended). Empty and NULL are refused (EmptyNameAllowed is false for Request). Case-sensitive,
 * as the spec is written.
 */
public final class CaNames {

    private static final String DISALLOWED = "!\"#%&'()*+,/:;<=>?[\\]^`{|}";

    private CaNames() {}

    public static boolean accepts(String authority, String caName) {
        if (authority == null || authority.isEmpty()) {
            return false;
        }
        return authority.equals(caName) || authority.equals(sanitize(caName)) || authority.equals(shortName(caName));
    }

    static String sanitize(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c >= 0x7F || DISALLOWED.indexOf(c) >= 0) {
                sb.append('!').append(String.format("%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String shortName(String name) {
        String sanitized = sanitize(name);
        if (sanitized.length() < 52) {
            return sanitized;
        }
        int cut = 51;
        int bang = sanitized.lastIndexOf('!', cut - 1);
        if (bang >= 0 && bang + 5 > cut) {
            cut = bang;
        }
        int hash = 0;
        for (char c : sanitized.substring(cut).toCharArray()) {
            int lowBit = (hash & 0x8000) != 0 ? 1 : 0;
            hash = (((hash << 1) | lowBit) + c) & 0xFFFF;
        }
        return sanitized.substring(0, cut) + "-" + String.format("%05d", hash);
    }
}
