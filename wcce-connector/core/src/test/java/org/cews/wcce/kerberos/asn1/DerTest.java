package org.cews.wcce.kerberos.asn1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0, 020100",
        "5, 020105",
        "127, 02017f",
        "128, 02020080",
        "-1, 0201ff",
        "-128, 020180",
        "-129, 0202ff7f",
        "1187, 020204a3",
        "2147483647, 02047fffffff",
        "4294967295, 020500ffffffff",
        "-9223372036854775808, 02088000000000000000",
    })
    void integersAreMinimalTwosComplementAndReadBack(long value, String encoded) throws Exception {
        assertEquals(encoded, HEX.formatHex(DerWriter.integer(value)));
        assertEquals(
                value, DerReader.readSingle(HEX.parseHex(encoded), Der.INTEGER).asLong());
    }

    @Test
    void aNegativeUInt32IsReadAsItsBitPattern() throws Exception {
        DerValue value = DerReader.readSingle(HEX.parseHex("0204d2f9a0b1"), Der.INTEGER);
        assertEquals(0xd2f9a0b1L, value.asUInt32());
    }

    @Test
    void longFormLengthsRoundTrip() throws Exception {
        for (int n : new int[] {0, 127, 128, 255, 256, 65535, 65536}) {
            byte[] encoded = DerWriter.octetString(new byte[n]);
            assertEquals(n, DerReader.readSingle(encoded, Der.OCTET_STRING).asOctetString().length);
        }
        assertEquals(
                "0481800000",
                HEX.formatHex(DerWriter.octetString(new byte[128])).substring(0, 10));
    }

    @Test
    void kerberosTimeAndFlags() throws Exception {
        Instant t = Instant.parse("2025-01-31T23:59:58Z");
        byte[] encoded = DerWriter.kerberosTime(t);
        assertEquals("180f" + HEX.formatHex("20250131235958Z".getBytes()), HEX.formatHex(encoded));
        assertEquals(t, DerReader.readSingle(encoded, Der.GENERALIZED_TIME).asKerberosTime());
        // ap-options mutual-required as docs/RPC-KERBEROS.md §W1.1 shows it on the wire
        assertEquals("03050020000000", HEX.formatHex(DerWriter.kerberosFlags(0x20000000)));
        assertEquals(
                0x20000000,
                DerReader.readSingle(HEX.parseHex("03050020000000"), Der.BIT_STRING)
                        .asKerberosFlags());
    }

    @Test
    void oidsEncodeAndPrint() throws Exception {
        assertEquals("06092a864882f712010202", HEX.formatHex(Oid.MS_KRB5.encode()));
        assertEquals("06092a864886f712010202", HEX.formatHex(Oid.KRB5.encode()));
        assertEquals("06062b0601050502", HEX.formatHex(Oid.SPNEGO.encode()));
        assertEquals(
                "1.2.840.48018.1.2.2",
                Oid.decode(DerReader.readSingle(Oid.MS_KRB5.encode(), Der.OBJECT_IDENTIFIER))
                        .toString());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | DER value (expected: a tag, actual: end of data)",
                "04 | length (expected: a length octet, actual: end of data)",
                "0405010203 | length of 0x04 (expected: <= 3, actual: 5)",
                "0484ffffffff | length of 0x04 (expected: <= 0, actual: 4294967295)",
                "048500000000010000 | length octets (expected: <= 4, actual: 5)",
                "0482ff | length octets (expected: 2, actual: 1 left)",
                "30800000 | length (expected: definite form, actual: indefinite)",
                "1f2200 | tag (expected: low-tag-number form, actual: 0x1f)",
            })
    void hostileEncodingsGiveCheckedExceptions(String hex, String message) {
        DerException e = assertThrows(DerException.class, () -> new DerReader(HEX.parseHex(hex)).read());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "020900ffffffffffffffff | INTEGER length (expected: 1..8, actual: 9)",
                "0200 | INTEGER length (expected: 1..8, actual: 0)",
                "180d32303235303133313233353935 | KerberosTime (expected: YYYYMMDDHHMMSSZ, actual: 2025013123595)",
                "180f32303235313333313233353935385a | KerberosTime (expected: a valid date, actual: 20251331235958Z)",
                "0300 | BIT STRING length (expected: >= 1, actual: 0)",
            })
    void malformedContentsGiveCheckedExceptions(String hex, String message) {
        DerException e = assertThrows(DerException.class, () -> {
            DerValue v = new DerReader(HEX.parseHex(hex)).read();
            switch (v.tag()) {
                case Der.INTEGER -> v.asLong();
                case Der.GENERALIZED_TIME -> v.asKerberosTime();
                default -> v.asKerberosFlags();
            }
        });
        assertEquals(message, e.getMessage());
    }

    @Test
    void wrongTagsAndTrailingBytesAreNamed() throws Exception {
        DerException e = assertThrows(DerException.class, () -> DerReader.readSingle(HEX.parseHex("020100"), 0x04));
        assertEquals("tag (expected: 0x04, actual: 0x02)", e.getMessage());
        e = assertThrows(DerException.class, () -> DerReader.readSingle(HEX.parseHex("02010000"), Der.INTEGER));
        assertEquals("end of value (expected: no more bytes, actual: 1 left)", e.getMessage());
        byte[] explicit = DerWriter.explicit(3, DerWriter.integer(7));
        assertArrayEquals(HEX.parseHex("a303020107"), explicit);
        assertEquals(7, new DerReader(explicit).readExplicit(3).asLong());
    }
}
