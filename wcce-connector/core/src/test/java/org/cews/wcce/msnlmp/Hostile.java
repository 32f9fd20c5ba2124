package org.cews.wcce.msnlmp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

/** Feeds damaged copies of a good message to a decoder. */
final class Hostile {

    interface Decoder {
        Object decode(byte[] b) throws MalformedNtlmMessageException;
    }

    private Hostile() {}

    /** Every proper prefix of {@code good} is refused with the checked exception. */
    static void everyTruncationFails(byte[] good, Decoder decoder) {
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThrows(MalformedNtlmMessageException.class, () -> decoder.decode(cut), "truncated to " + length);
        }
    }

    /**
     * Random byte changes (seeded, so a failure repeats) either decode or give the checked
     * exception; an unchecked exception fails the test.
     */
    static void mutationsNeverThrowUnchecked(byte[] good, Decoder decoder) {
        Random random = new Random(20261125L);
        for (int round = 0; round < 5000; round++) {
            byte[] bad = good.clone();
            int changes = 1 + random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            try {
                decoder.decode(bad);
            } catch (MalformedNtlmMessageException expected) {
                // refused as it should be
            } catch (RuntimeException e) {
                fail("unchecked exception for " + SpecValues.hex(bad), e);
            }
        }
    }
}
