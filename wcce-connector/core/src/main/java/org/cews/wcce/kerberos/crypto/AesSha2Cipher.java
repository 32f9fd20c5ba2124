package org.cews.wcce.kerberos.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * aes128-cts-hmac-sha256-128 and aes256-cts-hmac-sha384-192 (RFC 8009): AES-CTS, then HMAC over
 * the zero IV and the ciphertext (encrypt-then-MAC, §5), keys from KDF-HMAC-SHA2 (§3), and
 * PBKDF2-HMAC-SHA2 string-to-key over the salt prefixed with the enctype name (§4).
 */
public final class AesSha2Cipher implements KerberosCipher {

    public static final AesSha2Cipher AES128 = new AesSha2Cipher(
            EncryptionType.AES128_CTS_HMAC_SHA256_128,
            ChecksumType.HMAC_SHA256_128_AES128,
            "HmacSHA256",
            16,
            16,
            "aes128-cts-hmac-sha256-128");
    public static final AesSha2Cipher AES256 = new AesSha2Cipher(
            EncryptionType.AES256_CTS_HMAC_SHA384_192,
            ChecksumType.HMAC_SHA384_192_AES256,
            "HmacSHA384",
            32,
            24,
            "aes256-cts-hmac-sha384-192");

    private static final byte[] KERBEROS = "kerberos".getBytes(StandardCharsets.US_ASCII);

    private final EncryptionType type;
    private final ChecksumType checksumType;
    private final String hmac;
    private final int keyLength;
    private final int h;
    private final String name;

    private AesSha2Cipher(
            EncryptionType type, ChecksumType checksumType, String hmac, int keyLength, int h, String name) {
        this.type = type;
        this.checksumType = checksumType;
        this.hmac = hmac;
        this.keyLength = keyLength;
        this.h = h;
        this.name = name;
    }

    @Override
    public EncryptionType type() {
        return type;
    }

    @Override
    public ChecksumType checksumType() {
        return checksumType;
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    @Override
    public int checksumLength() {
        return h;
    }

    @Override
    public int defaultIterations() {
        return 32768;
    }

    /** Ke is as long as the key; Ki and Kc as long as the tag (RFC 8009 §5). */
    @Override
    public byte[] deriveKey(byte[] baseKey, KeyUsage usage, Purpose purpose) throws KerberosCryptoException {
        checkKey(baseKey);
        return kdf(baseKey, usage.constant(purpose.octet), purpose == Purpose.ENCRYPTION ? keyLength : h);
    }

    /** KDF-HMAC-SHA2(key, label, k) = k-truncate(HMAC(key, 00000001 | label | 00 | k)), RFC 8009 §3. */
    byte[] kdf(byte[] key, byte[] label, int bytes) {
        int bits = bytes * 8;
        byte[] k = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        return Hmacs.hmac(hmac, key, bytes, new byte[] {0, 0, 0, 1}, label, new byte[] {0}, k);
    }

    @Override
    public byte[] encrypt(byte[] key, KeyUsage usage, byte[] plaintext, byte[] confounder)
            throws KerberosCryptoException {
        byte[] c = AesCts.encrypt(
                deriveKey(key, usage, Purpose.ENCRYPTION), AesSha1Cipher.confounded(confounder, plaintext));
        byte[] tag = Hmacs.hmac(hmac, deriveKey(key, usage, Purpose.INTEGRITY), h, new byte[AesCts.BLOCK], c);
        byte[] out = Arrays.copyOf(c, c.length + h);
        System.arraycopy(tag, 0, out, c.length, h);
        return out;
    }

    @Override
    public byte[] decrypt(byte[] key, KeyUsage usage, byte[] ciphertext) throws KerberosCryptoException {
        checkKey(key);
        if (ciphertext.length < CONFOUNDER_LENGTH + h) {
            throw new KerberosCryptoException("ciphertext length for " + type + " (expected: >= "
                    + (CONFOUNDER_LENGTH + h) + ", actual: " + ciphertext.length + ")");
        }
        int n = ciphertext.length - h;
        byte[] c = Arrays.copyOf(ciphertext, n);
        byte[] tag = Hmacs.hmac(hmac, deriveKey(key, usage, Purpose.INTEGRITY), h, new byte[AesCts.BLOCK], c);
        if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(ciphertext, n, ciphertext.length))) {
            throw new KerberosCryptoException("integrity check of " + type + " under usage " + usage.number()
                    + " (expected: a matching HMAC, actual: a mismatch)");
        }
        byte[] p = AesCts.decrypt(deriveKey(key, usage, Purpose.ENCRYPTION), c);
        return Arrays.copyOfRange(p, CONFOUNDER_LENGTH, n);
    }

    @Override
    public byte[] checksum(byte[] key, KeyUsage usage, byte[] data) throws KerberosCryptoException {
        return Hmacs.hmac(hmac, deriveKey(key, usage, Purpose.CHECKSUM), h, data);
    }

    @Override
    public byte[] stringToKey(byte[] password, byte[] salt, int iterations) throws KerberosCryptoException {
        byte[] saltp = saltp(salt);
        byte[] tkey = Hmacs.pbkdf2(hmac, password, saltp, iterations, keyLength);
        return kdf(tkey, KERBEROS, keyLength);
    }

    /** enctype-name | 0x00 | salt (RFC 8009 §4). */
    public byte[] saltp(byte[] salt) {
        byte[] prefix = name.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(prefix, prefix.length + 1 + salt.length);
        System.arraycopy(salt, 0, out, prefix.length + 1, salt.length);
        return out;
    }

    private void checkKey(byte[] key) throws KerberosCryptoException {
        if (key.length != keyLength) {
            throw new KerberosCryptoException(
                    "key length for " + type + " (expected: " + keyLength + ", actual: " + key.length + ")");
        }
    }

    @Override
    public String toString() {
        return type.toString();
    }
}
