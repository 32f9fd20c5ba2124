package org.cews.wcce.kerberos.crypto;

import java.security.SecureRandom;

/**
 * Where confounders, keys and sequence numbers come from: injected so that tests can pin them
 * (house style rule 7).
 */
@FunctionalInterface
public interface RandomSource {

    void nextBytes(byte[] out);

    default byte[] bytes(int count) {
        byte[] out = new byte[count];
        nextBytes(out);
        return out;
    }

    /** A non-negative 31-bit value, as Kerberos peers use for initial sequence numbers. */
    default long nextSequenceNumber() {
        byte[] b = bytes(4);
        return ((b[0] & 0x7FL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }
}
