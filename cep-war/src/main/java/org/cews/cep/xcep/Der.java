package org.cews.cep.xcep;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cews.policy.model.Oid;

/**
 * The few DER encodings (ITU-T X.690 §8, §10) the template extensions of a GetPoliciesResponse
 * need: OBJECT IDENTIFIER, INTEGER, BMPString and SEQUENCE, with definite lengths.
 */
final class Der {

    private static final int SEQUENCE = 0x30;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int INTEGER = 0x02;
    private static final int BMP_STRING = 0x1E;

    private Der() {}

    static byte[] oid(Oid oid) {
        String[] arcs = oid.value().split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        BigInteger first =
                new BigInteger(arcs[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(arcs[1]));
        base128(content, first);
        for (int i = 2; i < arcs.length; i++) {
            base128(content, new BigInteger(arcs[i]));
        }
        return tlv(OBJECT_IDENTIFIER, content.toByteArray());
    }

    static byte[] integer(long value) {
        return tlv(INTEGER, BigInteger.valueOf(value).toByteArray());
    }

    static byte[] bmpString(String text) {
        return tlv(BMP_STRING, text.getBytes(StandardCharsets.UTF_16BE));
    }

    static byte[] sequence(List<byte[]> elements) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        elements.forEach(content::writeBytes);
        return tlv(SEQUENCE, content.toByteArray());
    }

    static byte[] sequence(byte[]... elements) {
        return sequence(List.of(elements));
    }

    private static void base128(ByteArrayOutputStream out, BigInteger value) {
        int groups = Math.max(1, (value.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int seven = value.shiftRight(7 * g).intValue() & 0x7F;
            out.write(g == 0 ? seven : seven | 0x80);
        }
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
