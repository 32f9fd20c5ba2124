package org.cews.wcce.ndr;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

/**
 * Test support: feeds seeded mutations of a golden stub (overwritten bytes, counts set to
 * extremes, cuts, insertions) to a decoder. Each must decode, or fail with NdrException and
 * nothing else; what decodes must encode again without error.
 */
public final class Mutations {

    /** Decodes a stub and re-encodes what it got. */
    @FunctionalInterface
    public interface RoundTrip {
        void run(byte[] stub) throws NdrException;
    }

    private static final int[] EXTREMES = {0x00, 0x01, 0x7F, 0x80, 0xFF};

    private Mutations() {}

    public static void survive(byte[] golden, long seed, int rounds, RoundTrip roundTrip) {
        Random random = new Random(seed);
        for (int i = 0; i < rounds; i++) {
            byte[] stub = mutate(golden, random);
            try {
                roundTrip.run(stub);
            } catch (NdrException expected) {
                // the only acceptable failure
            } catch (RuntimeException | Error e) {
                fail("round " + i + " threw " + e + " for " + GoldenHex.hex(stub), e);
            }
        }
    }

    private static byte[] mutate(byte[] golden, Random random) {
        byte[] b = Arrays.copyOf(golden, golden.length);
        switch (random.nextInt(4)) {
            case 0 -> { // a few random bytes
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> { // an aligned u32 set to an extreme, as a hostile count would be
                int at = random.nextInt(b.length / 4) * 4;
                int v = EXTREMES[random.nextInt(EXTREMES.length)];
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (k == 3 ? v : random.nextBoolean() ? v : 0xFF);
                }
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length + 8)); // cut or extend
            default -> { // insert four bytes somewhere
                int at = random.nextInt(b.length + 1);
                byte[] longer = new byte[b.length + 4];
                System.arraycopy(b, 0, longer, 0, at);
                for (int k = 0; k < 4; k++) {
                    longer[at + k] = (byte) random.nextInt(256);
                }
                System.arraycopy(b, at, longer, at + 4, b.length - at);
                b = longer;
            }
        }
        return b;
    }
}
