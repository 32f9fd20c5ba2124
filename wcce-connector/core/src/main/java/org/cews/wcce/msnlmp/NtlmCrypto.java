package org.cews.wcce.msnlmp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptographic operations of [MS-NLMP] 6 from the JDK: HMAC_MD5, MD5, RC4K (a one-time RC4)
 * and an RC4 handle that keeps its keystream across calls (3.1.5.1). HmacMD5 and MD5 are
 * mandatory in every JDK; ARCFOUR is in the SunJCE provider of OpenJDK. A missing algorithm is a
 * broken platform, not bad input, hence the unchecked exception.
 */
public final class NtlmCrypto {

    private NtlmCrypto() {}

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        Mac mac = hmacMd5(key);
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    /** An HMAC_MD5 keyed with {@code key}, reusable: every {@code doFinal} starts it afresh. */
    static Mac hmacMd5(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is not available", e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /** RC4K(key, data): a fresh RC4 keyed with {@code key} applied to {@code data}. */
    static byte[] rc4k(byte[] key, byte[] data) {
        return rc4(key).update(data);
    }

    /** An RC4 handle: every {@code update} continues the same keystream. */
    static Cipher rc4(byte[] key) {
        try {
            Cipher c = Cipher.getInstance("ARCFOUR");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ARCFOUR is not available", e);
        }
    }

    /** Compares in time independent of where the arrays differ. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
