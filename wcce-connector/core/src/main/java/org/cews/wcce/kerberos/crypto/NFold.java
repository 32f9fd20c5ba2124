package org.cews.wcce.kerberos.crypto;

/**
 * The n-fold operation of RFC 3961 §5.1: the input is repeated, each copy rotated 13 bits further
 * to the right, up to the least common multiple of the input and output sizes, and the output-size
 * chunks are added with ones'-complement (end-around carry) addition.
 */
public final class NFold {

    private NFold() {}

    public static byte[] fold(byte[] input, int outputBytes) {
        if (input.length == 0 || outputBytes <= 0) {
            throw new IllegalArgumentException("n-fold needs input and a positive size");
        }
        int inBits = input.length * 8;
        int lcm = lcm(input.length, outputBytes);
        int[] sum = new int[outputBytes];
        for (int index = 0; index < lcm; index++) {
            int copy = index / input.length;
            int rotation = (int) ((13L * copy) % inBits);
            int value = 0;
            for (int bit = 0; bit < 8; bit++) {
                int position = (index % input.length) * 8 + bit; // bit position in this copy, MSB first
                int from = Math.floorMod(position - rotation, inBits);
                int b = (input[from / 8] >>> (7 - from % 8)) & 1;
                value = (value << 1) | b;
            }
            sum[index % outputBytes] += value;
        }
        int carry = 0;
        do {
            for (int i = outputBytes - 1; i >= 0; i--) {
                int v = sum[i] + carry;
                sum[i] = v & 0xFF;
                carry = v >>> 8;
            }
        } while (carry != 0);
        byte[] out = new byte[outputBytes];
        for (int i = 0; i < outputBytes; i++) {
            out[i] = (byte) sum[i];
        }
        return out;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
