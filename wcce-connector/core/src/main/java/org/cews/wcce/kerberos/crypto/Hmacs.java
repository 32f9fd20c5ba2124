package org.cews.wcce.kerberos.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC (RFC 2104) and PBKDF2 (RFC 8018 §5.2) over the JDK's {@link Mac}. */
final class Hmacs {

    private Hmacs() {}

    static byte[] hmac(String algorithm, byte[] key, int truncateTo, byte[]... parts) {
        Mac mac = mac(algorithm, key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        byte[] full = mac.doFinal();
        return truncateTo == full.length ? full : Arrays.copyOf(full, truncateTo);
    }

    static byte[] pbkdf2(String algorithm, byte[] password, byte[] salt, int iterations, int length)
            throws KerberosCryptoException {
        if (password.length == 0) {
            throw new KerberosCryptoException("password length (expected: >= 1, actual: 0)");
        }
        if (iterations < 1) {
            throw new KerberosCryptoException("iteration count (expected: >= 1, actual: " + iterations + ")");
        }
        Mac mac = mac(algorithm, password);
        int hLen = mac.getMacLength();
        byte[] out = new byte[length];
        for (int block = 1, done = 0; done < length; block++) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < hLen; j++) {
                    t[j] ^= u[j];
                }
            }
            int n = Math.min(hLen, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private static Mac mac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }
}
