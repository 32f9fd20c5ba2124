package org.cews.lab.ca.issue;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Certificate serial numbers: 16 random bytes, post-processed as [MS-WCCE] 3.2.1.4.2.1.4.6 steps 5
 * and 6 say (high bit cleared so the INTEGER is positive; a zero high byte becomes 0x61; a zero high
 * nibble is XORed with 0x10), so the DER length is always 16. The spec's request-id based layouts
 * are optional ("the CA MAY use an alternative algorithm").
 */
public final class SerialNumbers {

    private SerialNumbers() {}

    public static BigInteger next(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[0] &= 0x7F;
        if (b[0] == 0) {
            b[0] = 0x61;
        } else if ((b[0] & 0xF0) == 0) {
            b[0] ^= 0x10;
        }
        return new BigInteger(1, b);
    }
}
