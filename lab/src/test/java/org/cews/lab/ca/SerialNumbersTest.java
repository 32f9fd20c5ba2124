package org.cews.lab.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.cews.lab.ca.issue.SerialNumbers;
import org.junit.jupiter.api.Test;

/** [MS-WCCE] 3.2.1.4.2.1.4.6 steps 5-6 on 16 random bytes. */
class SerialNumbersTest {

    /** Randomness that repeats one byte. */
    static SecureRandom constant(int b) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) b);
            }
        };
    }

    @Test
    void theHighBitIsClearedSoTheSerialIsPositiveAndSixteenBytes() {
        BigInteger s = SerialNumbers.next(constant(0xFF));
        assertEquals(1, s.signum());
        assertEquals("7f" + "ff".repeat(15), s.toString(16));
        assertEquals(16, s.toByteArray().length);
    }

    @Test
    void aZeroHighByteBecomes0x61() {
        assertEquals("61" + "00".repeat(15), SerialNumbers.next(constant(0x00)).toString(16));
        assertEquals("61" + "80".repeat(15), SerialNumbers.next(constant(0x80)).toString(16));
    }

    @Test
    void aZeroHighNibbleIsXoredWith0x10() {
        assertEquals("15" + "05".repeat(15), SerialNumbers.next(constant(0x05)).toString(16));
    }
}
