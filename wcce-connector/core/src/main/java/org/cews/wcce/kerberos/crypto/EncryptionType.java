package org.cews.wcce.kerberos.crypto;

import java.util.Optional;

/**
 * An encryption type number (RFC 3961 §8, IANA "Kerberos Encryption Type Numbers"). An open
 * value: decoding an unknown number keeps it; {@link #cipher()} says whether it is implemented.
 */
public record EncryptionType(int code) {

    /** RFC 3962 §6. */
    public static final EncryptionType AES128_CTS_HMAC_SHA1_96 = new EncryptionType(17);
    /** RFC 3962 §6. */
    public static final EncryptionType AES256_CTS_HMAC_SHA1_96 = new EncryptionType(18);
    /** RFC 8009 §5. */
    public static final EncryptionType AES128_CTS_HMAC_SHA256_128 = new EncryptionType(19);
    /** RFC 8009 §5. */
    public static final EncryptionType AES256_CTS_HMAC_SHA384_192 = new EncryptionType(20);
    /** RFC 4757: not implemented here, named for messages. */
    public static final EncryptionType RC4_HMAC = new EncryptionType(23);

    /** The implementation, if this type is one of the four AES types. */
    public Optional<KerberosCipher> cipher() {
        return Optional.ofNullable(
                switch (code) {
                    case 17 -> AesSha1Cipher.AES128;
                    case 18 -> AesSha1Cipher.AES256;
                    case 19 -> AesSha2Cipher.AES128;
                    case 20 -> AesSha2Cipher.AES256;
                    default -> null;
                });
    }

    /** The implementation, or a {@link KerberosCryptoException} naming the unsupported type. */
    public KerberosCipher requireCipher() throws KerberosCryptoException {
        Optional<KerberosCipher> cipher = cipher();
        if (cipher.isEmpty()) {
            throw new KerberosCryptoException("encryption type (expected: 17, 18, 19 or 20, actual: " + this + ")");
        }
        return cipher.get();
    }

    @Override
    public String toString() {
        String name =
                switch (code) {
                    case 17 -> "aes128-cts-hmac-sha1-96";
                    case 18 -> "aes256-cts-hmac-sha1-96";
                    case 19 -> "aes128-cts-hmac-sha256-128";
                    case 20 -> "aes256-cts-hmac-sha384-192";
                    case 23 -> "rc4-hmac";
                    default -> null;
                };
        return name == null ? Integer.toString(code) : code + " " + name;
    }
}
