package org.cews.x690;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The level-at-a-time reader: golden bytes, every truncation, and the bounds of {@link BoundedDer}. */
class TlvTest {

    private static final DerLimits EXTENSION = DerLimits.der(64 * 1024, 16);

    /**
     * The SID extension's value as AD CS writes it: 30 40 SEQUENCE / a0 3e [0] otherName / 06 0a
     * OID 1.3.6.1.4.1.311.25.2.1 / a0 30 [0] / 04 2e OCTET STRING "S-1-5-21-...-1104".
     */
    static final byte[] SID_EXTENSION = HexFormat.of()
            .parseHex("3040a03e060a2b060104018237190201a030042e532d312d352d32312d323931383337353231352d31343239"
                    + "3835333336342d333338373432363637312d31313034");

    @Test
    void readsTheSidExtension() throws Exception {
        Tlv names = Tlv.read(SID_EXTENSION, "SID extension", EXTENSION);
        Tlv otherName = names.children().get(0);
        assertEquals(0xa0, otherName.tag());
        assertEquals("1.3.6.1.4.1.311.25.2.1", otherName.children().get(0).oid());
        assertEquals(
                "S-1-5-21-2918375215-1429853364-3387426671-1104",
                otherName.children().get(1).explicit().text());
    }

    @Test
    void everyTruncationIsADerException() {
        for (int length = 0; length < SID_EXTENSION.length; length++) {
            byte[] cut = Arrays.copyOf(SID_EXTENSION, length);
            assertThrows(
                    DerException.class,
                    () -> Tlv.read(cut, "SID extension", EXTENSION)
                            .children()
                            .get(0)
                            .children()
                            .get(1)
                            .explicit()
                            .text(),
                    "length " + length);
        }
    }

    @Test
    void indefiniteOversizedAndHighTagLengthsAreRefused() {
        for (String hex : new String[] {"3080", "3084ffffffff", "1f0100", "04000400", "1f8101 00"}) {
            byte[] in = HexFormat.of().parseHex(hex.replace(" ", ""));
            assertThrows(DerException.class, () -> Tlv.read(in, "value", EXTENSION), hex);
        }
        assertThrows(DerException.class, () -> Tlv.read(HexFormat.of().parseHex("0400"), "value", EXTENSION)
                .children());
    }

    @Test
    void fiveThousandNestedSequencesAreTooDeep() {
        DerException e = assertThrows(
                DerException.class, () -> Tlv.read(BoundedDerTest.definite(5_000), "SID extension", EXTENSION));
        assertEquals(DerException.Reason.TOO_DEEP, e.reason());
    }

    @Test
    void structureTheCallerDidNotExpectIsADerExceptionToo() {
        DerException e =
                assertThrows(DerException.class, () -> Tlv.read(HexFormat.of().parseHex("020100"), "value", EXTENSION)
                        .oid());
        assertEquals("X6900104 OBJECT IDENTIFIER (expected: tag 0x06 with contents, actual: tag 0x2)", e.getMessage());
    }
}
