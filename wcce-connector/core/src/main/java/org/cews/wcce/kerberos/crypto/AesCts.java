package org.cews.wcce.kerberos.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in CBC mode with ciphertext stealing as RFC 3962 §5 (and RFC 8009 §5) define it: the last
 * two blocks are swapped and the final one truncated to the length of the last partial block. A
 * one-block input is plain CBC. The initial vector is always zero here (RFC 3962 §6, RFC 4121).
 */
public final class AesCts {

    public static final int BLOCK = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private AesCts() {}

    public static byte[] encrypt(byte[] key, byte[] plaintext) throws KerberosCryptoException {
        int n = checkLength(plaintext.length);
        if (n == BLOCK) {
            return cbc(Cipher.ENCRYPT_MODE, key, ZERO_IV, plaintext);
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        byte[] c = cbc(Cipher.ENCRYPT_MODE, key, ZERO_IV, Arrays.copyOf(plaintext, blocks * BLOCK));
        int lastPartial = n - (blocks - 1) * BLOCK;
        int penultimate = (blocks - 2) * BLOCK;
        byte[] out = new byte[n];
        System.arraycopy(c, 0, out, 0, penultimate);
        System.arraycopy(c, (blocks - 1) * BLOCK, out, penultimate, BLOCK);
        System.arraycopy(c, penultimate, out, penultimate + BLOCK, lastPartial);
        return out;
    }

    public static byte[] decrypt(byte[] key, byte[] ciphertext) throws KerberosCryptoException {
        int n = checkLength(ciphertext.length);
        if (n == BLOCK) {
            return cbc(Cipher.DECRYPT_MODE, key, ZERO_IV, ciphertext);
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        int lastPartial = n - (blocks - 1) * BLOCK;
        int penultimate = (blocks - 2) * BLOCK;
        byte[] out = new byte[n];
        byte[] chain = ZERO_IV;
        if (penultimate > 0) {
            byte[] head = cbc(Cipher.DECRYPT_MODE, key, ZERO_IV, Arrays.copyOf(ciphertext, penultimate));
            System.arraycopy(head, 0, out, 0, penultimate);
            chain = Arrays.copyOfRange(ciphertext, penultimate - BLOCK, penultimate);
        }
        // D = P_last (zero-padded) XOR C_penultimate; the stolen tail of D completes C_penultimate.
        byte[] d = ecbDecrypt(key, Arrays.copyOfRange(ciphertext, penultimate, penultimate + BLOCK));
        byte[] cPenultimate = new byte[BLOCK];
        System.arraycopy(ciphertext, penultimate + BLOCK, cPenultimate, 0, lastPartial);
        System.arraycopy(d, lastPartial, cPenultimate, lastPartial, BLOCK - lastPartial);
        for (int i = 0; i < lastPartial; i++) {
            out[penultimate + BLOCK + i] = (byte) (d[i] ^ cPenultimate[i]);
        }
        byte[] p = ecbDecrypt(key, cPenultimate);
        for (int i = 0; i < BLOCK; i++) {
            out[penultimate + i] = (byte) (p[i] ^ chain[i]);
        }
        return out;
    }

    /** One AES block, encrypted: the E() of the key derivation in RFC 3961 §5.1. */
    static byte[] encryptBlock(byte[] key, byte[] block) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding", e);
        }
    }

    private static byte[] ecbDecrypt(byte[] key, byte[] block) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding", e);
        }
    }

    private static byte[] cbc(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return aes.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding", e);
        }
    }

    private static int checkLength(int n) throws KerberosCryptoException {
        if (n < BLOCK) {
            throw new KerberosCryptoException("AES-CTS input length (expected: >= 16, actual: " + n + ")");
        }
        return n;
    }
}
