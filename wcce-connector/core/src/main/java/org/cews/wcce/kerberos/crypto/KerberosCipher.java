package org.cews.wcce.kerberos.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An encryption type's operations in the RFC 3961 §3 model: encrypt/decrypt with a confounder and
 * an integrity tag under keys derived per usage, a keyed checksum, and string-to-key. Implemented
 * for the simplified profile with HMAC-SHA1 (RFC 3962) and for the SHA-2 types (RFC 8009). Keys
 * are raw bytes of {@link #keyLength()}.
 */
public sealed interface KerberosCipher permits AesSha1Cipher, AesSha2Cipher {

    /** The purpose octet of a derived key (RFC 3961 §5.3). */
    enum Purpose {
        CHECKSUM(0x99),
        ENCRYPTION(0xAA),
        INTEGRITY(0x55);

        final int octet;

        Purpose(int octet) {
            this.octet = octet;
        }
    }

    int CONFOUNDER_LENGTH = AesCts.BLOCK;

    EncryptionType type();

    ChecksumType checksumType();

    int keyLength();

    /** The integrity tag and checksum length h: 12, 16 or 24 octets. */
    int checksumLength();

    /** The iteration count string-to-key uses when none is given (RFC 3962 §4, RFC 8009 §4). */
    int defaultIterations();

    /** Ke, Ki or Kc for a usage. */
    byte[] deriveKey(byte[] baseKey, KeyUsage usage, Purpose purpose) throws KerberosCryptoException;

    /** {@code C || H}: the ciphertext of {@code confounder || plaintext} and its integrity tag. */
    byte[] encrypt(byte[] key, KeyUsage usage, byte[] plaintext, byte[] confounder) throws KerberosCryptoException;

    /** Checks the integrity tag, decrypts and drops the confounder. */
    byte[] decrypt(byte[] key, KeyUsage usage, byte[] ciphertext) throws KerberosCryptoException;

    /** The keyed checksum (get_mic) of {@code data} under Kc of the usage. */
    byte[] checksum(byte[] key, KeyUsage usage, byte[] data) throws KerberosCryptoException;

    byte[] stringToKey(byte[] password, byte[] salt, int iterations) throws KerberosCryptoException;

    default byte[] encrypt(byte[] key, KeyUsage usage, byte[] plaintext, RandomSource random)
            throws KerberosCryptoException {
        return encrypt(key, usage, plaintext, random.bytes(CONFOUNDER_LENGTH));
    }

    default void verifyChecksum(byte[] key, KeyUsage usage, byte[] data, byte[] checksum)
            throws KerberosCryptoException {
        if (!MessageDigest.isEqual(checksum(key, usage, data), checksum)) {
            throw new KerberosCryptoException("checksum " + checksumType() + " under usage " + usage.number()
                    + " (expected: a match, actual: a mismatch)");
        }
    }

    /** string-to-key with the default salt rules left to the caller and the default iteration count. */
    default byte[] stringToKey(String password, String salt) throws KerberosCryptoException {
        return stringToKey(
                password.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8), defaultIterations());
    }
}
