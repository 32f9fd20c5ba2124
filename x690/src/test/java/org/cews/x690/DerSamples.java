package org.cews.x690;

import java.io.ByteArrayOutputStream;

/** Encodings for the tests of every user of the reader (this module's test-jar): deep, BER, wrapped. */
public final class DerSamples {

    private DerSamples() {}

    /** {@code depth} nested SEQUENCEs with definite lengths around an INTEGER 0. */
    public static byte[] definite(int depth) {
        byte[] inner = {0x02, 0x01, 0x00};
        for (int i = 0; i < depth; i++) {
            inner = tlv(0x30, inner);
        }
        return inner;
    }

    /** {@code depth} nested SEQUENCEs with indefinite lengths (BER), each closed by 00 00. */
    public static byte[] indefinite(int depth) {
        byte[] b = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            b[2 * i] = 0x30;
            b[2 * i + 1] = (byte) 0x80;
        }
        return b;
    }

    /** One value with {@code tag} (one identifier octet) and a three-octet length. */
    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        out.write(0x83);
        out.write(content.length >> 16);
        out.write(content.length >> 8);
        out.write(content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }
}
