package org.cews.soap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The DER reader: golden bytes, and every truncation a checked exception. */
class DerTest {

    /**
     * The SID extension's value as AD CS writes it (and OpenSSL made for the test certificates):
     * 30 40 SEQUENCE / a0 3e [0] otherName / 06 0a OID 1.3.6.1.4.1.311.25.2.1 / a0 30 [0] /
     * 04 2e OCTET STRING "S-1-5-21-2918375215-1429853364-3387426671-1104".
     */
    static final byte[] SID_EXTENSION = HexFormat.of()
            .parseHex("3040a03e060a2b060104018237190201a030042e532d312d352d32312d323931383337353231352d31343239"
                    + "3835333336342d333338373432363637312d31313034");

    @Test
    void readsTheSidExtension() throws Exception {
        Der names = Der.read(SID_EXTENSION);
        Der otherName = names.children().get(0);
        assertEquals(0xa0, otherName.tag());
        assertEquals("1.3.6.1.4.1.311.25.2.1", otherName.children().get(0).oid());
        assertEquals(
                "S-1-5-21-2918375215-1429853364-3387426671-1104",
                otherName.children().get(1).explicit().text());
    }

    @Test
    void everyTruncationIsADerException() {
        for (int length = 1; length < SID_EXTENSION.length; length++) {
            byte[] cut = Arrays.copyOf(SID_EXTENSION, length);
            assertThrows(
                    Der.DerException.class,
                    () -> {
                        Der names = Der.read(cut);
                        names.children().get(0).children().get(1).explicit().text();
                    },
                    "length " + length);
        }
    }

    @Test
    void indefiniteAndOversizedLengthsAreRefused() {
        assertThrows(Der.DerException.class, () -> Der.read(HexFormat.of().parseHex("3080")));
        assertThrows(Der.DerException.class, () -> Der.read(HexFormat.of().parseHex("3084ffffffff")));
        assertThrows(Der.DerException.class, () -> Der.read(HexFormat.of().parseHex("1f0100")));
        assertThrows(Der.DerException.class, () -> Der.read(HexFormat.of().parseHex("04000400")));
        assertThrows(Der.DerException.class, () -> Der.read(HexFormat.of().parseHex("0400"))
                .children());
    }
}
