package org.cews.wcce.kerberos.asn1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Encodes the DER subset of {@link Der} (X.690 §10). Every method returns one complete TLV;
 * {@link #sequence} and {@link #explicit} skip {@code null} parts, which is how an absent OPTIONAL
 * field is written.
 */
public final class DerWriter {

    private static final DateTimeFormatter KERBEROS_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private DerWriter() {}

    public static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            if (part != null) {
                contents.writeBytes(part);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(contents.size() + 6);
        out.write(tag);
        writeLength(out, contents.size());
        out.writeBytes(contents.toByteArray());
        return out.toByteArray();
    }

    public static byte[] sequence(byte[]... elements) {
        return tlv(Der.SEQUENCE, elements);
    }

    /** {@code [n]} EXPLICIT around one value; {@code null} stays {@code null} (field absent). */
    public static byte[] explicit(int n, byte[] value) {
        return value == null ? null : tlv(Der.context(n), value);
    }

    public static byte[] application(int n, byte[] value) {
        return tlv(Der.application(n), value);
    }

    /** The minimal two's-complement INTEGER (X.690 §8.3). */
    public static byte[] integer(long value) {
        int length = 8;
        while (length > 1) {
            long top9 = value >> (8 * length - 9);
            if (top9 != 0 && top9 != -1) {
                break;
            }
            length--;
        }
        byte[] contents = new byte[length];
        for (int i = 0; i < length; i++) {
            contents[i] = (byte) (value >> (8 * (length - 1 - i)));
        }
        return tlv(Der.INTEGER, contents);
    }

    public static byte[] enumerated(int value) {
        byte[] encoded = integer(value);
        encoded[0] = Der.ENUMERATED;
        return encoded;
    }

    public static byte[] octetString(byte[] value) {
        return tlv(Der.OCTET_STRING, value);
    }

    public static byte[] generalString(String value) {
        return tlv(Der.GENERAL_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    /** KerberosTime (RFC 4120 §5.2.3): whole seconds, UTC. */
    public static byte[] kerberosTime(Instant time) {
        return tlv(Der.GENERALIZED_TIME, KERBEROS_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
    }

    /** KerberosFlags (RFC 4120 §5.2.8): 32 bits, bit 0 the most significant. */
    public static byte[] kerberosFlags(int flags) {
        return tlv(
                Der.BIT_STRING,
                new byte[] {0, (byte) (flags >>> 24), (byte) (flags >>> 16), (byte) (flags >>> 8), (byte) flags});
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int count = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
        out.write(0x80 | count);
        for (int i = count - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
