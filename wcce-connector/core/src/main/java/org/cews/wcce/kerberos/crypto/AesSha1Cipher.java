package org.cews.wcce.kerberos.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * aes128-cts-hmac-sha1-96 and aes256-cts-hmac-sha1-96 (RFC 3962): the RFC 3961 §5.3 simplified
 * profile with AES-CTS, HMAC-SHA1 truncated to 96 bits over the plaintext, DK key derivation, and
 * PBKDF2-HMAC-SHA1 string-to-key followed by DK(tkey, "kerberos").
 */
public final class AesSha1Cipher implements KerberosCipher {

    public static final AesSha1Cipher AES128 =
            new AesSha1Cipher(EncryptionType.AES128_CTS_HMAC_SHA1_96, 16, ChecksumType.HMAC_SHA1_96_AES128);
    public static final AesSha1Cipher AES256 =
            new AesSha1Cipher(EncryptionType.AES256_CTS_HMAC_SHA1_96, 32, ChecksumType.HMAC_SHA1_96_AES256);

    private static final String HMAC = "HmacSHA1";
    private static final int H = 12;
    private static final byte[] KERBEROS = "kerberos".getBytes(StandardCharsets.US_ASCII);

    private final EncryptionType type;
    private final int keyLength;
    private final ChecksumType checksumType;

    private AesSha1Cipher(EncryptionType type, int keyLength, ChecksumType checksumType) {
        this.type = type;
        this.keyLength = keyLength;
        this.checksumType = checksumType;
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
        return H;
    }

    @Override
    public int defaultIterations() {
        return 4096;
    }

    @Override
    public byte[] deriveKey(byte[] baseKey, KeyUsage usage, Purpose purpose) throws KerberosCryptoException {
        return dk(checkKey(baseKey), usage.constant(purpose.octet));
    }

    /** DK(key, constant) = random-to-key(DR(key, constant)), RFC 3961 §5.1; random-to-key is the identity. */
    public byte[] dk(byte[] key, byte[] constant) {
        byte[] block = NFold.fold(constant, AesCts.BLOCK);
        byte[] out = new byte[keyLength];
        for (int done = 0; done < keyLength; done += AesCts.BLOCK) {
            block = AesCts.encryptBlock(key, block);
            System.arraycopy(block, 0, out, done, Math.min(AesCts.BLOCK, keyLength - done));
        }
        return out;
    }

    @Override
    public byte[] encrypt(byte[] key, KeyUsage usage, byte[] plaintext, byte[] confounder)
            throws KerberosCryptoException {
        checkKey(key);
        byte[] p = confounded(confounder, plaintext);
        byte[] c = AesCts.encrypt(deriveKey(key, usage, Purpose.ENCRYPTION), p);
        byte[] h = Hmacs.hmac(HMAC, deriveKey(key, usage, Purpose.INTEGRITY), H, p);
        byte[] out = Arrays.copyOf(c, c.length + H);
        System.arraycopy(h, 0, out, c.length, H);
        return out;
    }

    @Override
    public byte[] decrypt(byte[] key, KeyUsage usage, byte[] ciphertext) throws KerberosCryptoException {
        checkKey(key);
        if (ciphertext.length < CONFOUNDER_LENGTH + H) {
            throw new KerberosCryptoException("ciphertext length for " + type + " (expected: >= "
                    + (CONFOUNDER_LENGTH + H) + ", actual: " + ciphertext.length + ")");
        }
        int n = ciphertext.length - H;
        byte[] p = AesCts.decrypt(deriveKey(key, usage, Purpose.ENCRYPTION), Arrays.copyOf(ciphertext, n));
        byte[] h = Hmacs.hmac(HMAC, deriveKey(key, usage, Purpose.INTEGRITY), H, p);
        if (!MessageDigest.isEqual(h, Arrays.copyOfRange(ciphertext, n, ciphertext.length))) {
            throw new KerberosCryptoException("integrity check of " + type + " under usage " + usage.number()
                    + " (expected: a matching HMAC, actual: a mismatch)");
        }
        return Arrays.copyOfRange(p, CONFOUNDER_LENGTH, n);
    }

    @Override
    public byte[] checksum(byte[] key, KeyUsage usage, byte[] data) throws KerberosCryptoException {
        return Hmacs.hmac(HMAC, deriveKey(key, usage, Purpose.CHECKSUM), H, data);
    }

    @Override
    public byte[] stringToKey(byte[] password, byte[] salt, int iterations) throws KerberosCryptoException {
        return dk(Hmacs.pbkdf2(HMAC, password, salt, iterations, keyLength), KERBEROS);
    }

    /** The intermediate PBKDF2 output of RFC 3962 §4, for the appendix B vectors. */
    public byte[] pbkdf2(byte[] password, byte[] salt, int iterations) throws KerberosCryptoException {
        return Hmacs.pbkdf2(HMAC, password, salt, iterations, keyLength);
    }

    static byte[] confounded(byte[] confounder, byte[] plaintext) throws KerberosCryptoException {
        if (confounder.length != CONFOUNDER_LENGTH) {
            throw new KerberosCryptoException(
                    "confounder length (expected: " + CONFOUNDER_LENGTH + ", actual: " + confounder.length + ")");
        }
        byte[] p = Arrays.copyOf(confounder, CONFOUNDER_LENGTH + plaintext.length);
        System.arraycopy(plaintext, 0, p, CONFOUNDER_LENGTH, plaintext.length);
        return p;
    }

    private byte[] checkKey(byte[] key) throws KerberosCryptoException {
        if (key.length != keyLength) {
            throw new KerberosCryptoException(
                    "key length for " + type + " (expected: " + keyLength + ", actual: " + key.length + ")");
        }
        return key;
    }

    @Override
    public String toString() {
        return type.toString();
    }
}
