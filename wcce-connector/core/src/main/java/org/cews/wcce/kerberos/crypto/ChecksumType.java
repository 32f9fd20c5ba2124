package org.cews.wcce.kerberos.crypto;

/** A checksum type number (RFC 3961 §8; RFC 4121 §4.1.1 for 0x8003). An open value. */
public record ChecksumType(int code) {

    /** RFC 3962 §7. */
    public static final ChecksumType HMAC_SHA1_96_AES128 = new ChecksumType(15);
    /** RFC 3962 §7. */
    public static final ChecksumType HMAC_SHA1_96_AES256 = new ChecksumType(16);
    /** RFC 8009 §5. */
    public static final ChecksumType HMAC_SHA256_128_AES128 = new ChecksumType(19);
    /** RFC 8009 §5. */
    public static final ChecksumType HMAC_SHA384_192_AES256 = new ChecksumType(20);
    /** RFC 4121 §4.1.1: the GSS-API authenticator checksum, which is not a checksum at all. */
    public static final ChecksumType GSS_API = new ChecksumType(0x8003);

    @Override
    public String toString() {
        return code == 0x8003 ? "0x8003" : Integer.toString(code);
    }
}
