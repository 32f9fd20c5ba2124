package org.cews.wcce.msnlmp;

/**
 * The MD4 message digest of RFC 1320, which the JDK does not offer publicly. NTLM needs it for
 * one thing only: the NT hash, MD4(UTF-16LE(password)) ([MS-NLMP] 3.3.1, 6).
 */
public final class Md4 {

    private static final int[] ROUND2_ORDER = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    private static final int[] ROUND3_ORDER = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    private static final int[][] SHIFTS = {{3, 7, 11, 19}, {3, 5, 9, 13}, {3, 9, 11, 15}};

    private Md4() {}

    /** The 16-byte MD4 digest of {@code message}. */
    public static byte[] digest(byte[] message) {
        // RFC 1320 3.1-3.2: a 1 bit, zeros up to 56 mod 64, then the bit length as 64-bit little-endian.
        int padded = ((message.length + 8) / 64 + 1) * 64;
        byte[] buf = new byte[padded];
        System.arraycopy(message, 0, buf, 0, message.length);
        buf[message.length] = (byte) 0x80;
        long bits = (long) message.length * 8;
        for (int i = 0; i < 8; i++) {
            buf[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = LittleEndian.u32(buf, block + 4 * i);
            }
            processBlock(state, x);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 4; i++) {
            LittleEndian.putU32(out, 4 * i, state[i]);
        }
        return out;
    }

    /** RFC 1320 3.4: three rounds of sixteen operations over one 16-word block. */
    private static void processBlock(int[] state, int[] x) {
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 16; i++) {
                int f;
                int k;
                if (round == 0) {
                    f = (b & c) | (~b & d);
                    k = i;
                } else if (round == 1) {
                    f = ((b & c) | (b & d) | (c & d)) + 0x5a827999;
                    k = ROUND2_ORDER[i];
                } else {
                    f = (b ^ c ^ d) + 0x6ed9eba1;
                    k = ROUND3_ORDER[i];
                }
                int t = Integer.rotateLeft(a + f + x[k], SHIFTS[round][i % 4]);
                // The next operation updates the register before this one: [ABCD] [DABC] [CDAB] [BCDA].
                a = d;
                d = c;
                c = b;
                b = t;
            }
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
