package org.cews.wcce.ndr;

/**
 * NUL-terminated UTF-16LE, code unit by code unit, so that any Java string (lone surrogates
 * included) survives a round trip byte for byte: the form of a {@code [string] wchar_t*} and of
 * the Unicode strings carried in a CERTTRANSBLOB ([MS-WCCE] 2.2.2.2.1).
 */
public final class Utf16Le {

    private Utf16Le() {}

    /** The code units of {@code s}, then 00 00. */
    public static byte[] encodeWithNul(String s) {
        byte[] b = new byte[2 * s.length() + 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b[2 * i] = (byte) c;
            b[2 * i + 1] = (byte) (c >>> 8);
        }
        return b;
    }

    /**
     * The string before the terminating NUL, which must be the last code unit and the only NUL.
     *
     * @param what names the field in the exception message
     */
    public static String decodeWithNul(byte[] b, String what) throws NdrException {
        if (b.length % 2 != 0) {
            throw NdrException.mismatch(what + " byte count", "even", b.length);
        }
        if (b.length == 0) {
            throw NdrException.mismatch(what + " character count", ">= 1", 0);
        }
        int n = b.length / 2 - 1;
        char[] chars = new char[n + 1];
        for (int i = 0; i <= n; i++) {
            chars[i] = (char) ((b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8);
        }
        if (chars[n] != 0) {
            throw NdrException.mismatch(what + " terminator", "0x0000", String.format("0x%04x", (int) chars[n]));
        }
        for (int i = 0; i < n; i++) {
            if (chars[i] == 0) {
                throw NdrException.mismatch(what + " terminator", "at index " + n, "at index " + i);
            }
        }
        return new String(chars, 0, n);
    }
}
