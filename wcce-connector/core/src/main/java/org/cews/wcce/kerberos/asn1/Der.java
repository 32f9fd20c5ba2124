package org.cews.wcce.kerberos.asn1;

/**
 * Identifier octets of the DER subset Kerberos uses (X.690 §8.1.2, single-octet tags only; RFC 4120
 * §5.2 for the types).
 */
public final class Der {

    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int OBJECT_IDENTIFIER = 0x06;
    public static final int ENUMERATED = 0x0A;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int GENERAL_STRING = 0x1B;
    public static final int SEQUENCE = 0x30;

    /** The highest tag number that fits the low-tag-number form (X.690 §8.1.2.3). */
    public static final int MAX_TAG_NUMBER = 30;

    private Der() {}

    /** {@code [n]} constructed, context-specific: the EXPLICIT field tags of RFC 4120. */
    public static int context(int n) {
        return 0xA0 | checkNumber(n);
    }

    /** {@code [APPLICATION n]} constructed: the Kerberos message tags (RFC 4120 §5.10). */
    public static int application(int n) {
        return 0x60 | checkNumber(n);
    }

    private static int checkNumber(int n) {
        if (n < 0 || n > MAX_TAG_NUMBER) {
            throw new IllegalArgumentException("tag number (expected: 0.." + MAX_TAG_NUMBER + ", actual: " + n + ")");
        }
        return n;
    }

    /** The tag as it appears in messages: two hex digits. */
    public static String hex(int tag) {
        return String.format("0x%02x", tag);
    }
}
