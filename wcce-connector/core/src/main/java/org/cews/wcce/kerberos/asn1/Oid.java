package org.cews.wcce.kerberos.asn1;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An OBJECT IDENTIFIER (X.690 §8.19) kept as its contents octets, with the dotted form for
 * messages. An open value: any well-formed identifier decodes.
 */
public record Oid(byte[] contents) {

    /** RFC 4121 §1: Kerberos V5 GSS-API mechanism, 1.2.840.113554.1.2.2. */
    public static final Oid KRB5 = parse("1.2.840.113554.1.2.2");
    /** [MS-SPNG] 3.3.5.2 / [MS-KILE]: Microsoft's Kerberos OID, 1.2.840.48018.1.2.2. */
    public static final Oid MS_KRB5 = parse("1.2.840.48018.1.2.2");
    /** RFC 4178 §4.1: SPNEGO, 1.3.6.1.5.5.2. */
    public static final Oid SPNEGO = parse("1.3.6.1.5.5.2");

    public Oid {
        contents = contents.clone();
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    public static Oid parse(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("OID needs two arcs: " + dotted);
        }
        List<Long> arcs = new ArrayList<>();
        arcs.add(Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            arcs.add(Long.parseLong(parts[i]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long arc : arcs) {
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return new Oid(out.toByteArray());
    }

    public static Oid decode(DerValue value) throws DerException {
        value.expectTag(Der.OBJECT_IDENTIFIER);
        byte[] bytes = value.contentBytes();
        if (bytes.length == 0 || (bytes[bytes.length - 1] & 0x80) != 0) {
            throw new DerException(
                    "OBJECT IDENTIFIER (expected: complete arcs, actual: " + bytes.length + " octets ending mid-arc)");
        }
        return new Oid(bytes);
    }

    public byte[] encode() {
        return DerWriter.tlv(Der.OBJECT_IDENTIFIER, contents);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Oid o && Arrays.equals(contents, o.contents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contents);
    }

    @Override
    public String toString() {
        StringBuilder dotted = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (byte b : contents) {
            arc = (arc << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    long top = Math.min(arc / 40, 2);
                    dotted.append(top).append('.').append(arc - 40 * top);
                    first = false;
                } else {
                    dotted.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return dotted.toString();
    }
}
