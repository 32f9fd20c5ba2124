package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetInfoTest {

    @Test
    void encodeEndsWithEol() {
        TargetInfo info =
                new TargetInfo(List.of(AvPair.ofString(AvId.NB_DOMAIN_NAME, "DCE"), AvPair.ofU32(AvId.FLAGS, 2)));
        assertEquals("0200" + "0600" + "440043004500" + "0600" + "0400" + "02000000" + "00000000", hex(info.encode()));
    }

    @Test
    void unknownIdsAndTrailingBytesSurvive() throws Exception {
        byte[] b = SpecValues.hex("3412 0100 ab" + "0000 0000" + "00000000");
        TargetInfo info = TargetInfo.decode(b);
        assertEquals(List.of(new AvPair(new AvId(0x1234), new byte[] {(byte) 0xab})), info.pairs());
    }

    @Test
    void valueBeyondTheList() {
        assertEquals(
                "AV_PAIR 2 AvLen (expected: at most 4, actual: 6)", message(SpecValues.hex("0200 0600 4400 4300")));
    }

    @Test
    void eolWithALength() {
        assertEquals("MsvAvEOL AvLen (expected: 0, actual: 2)", message(SpecValues.hex("0000 0200 0000")));
    }

    @Test
    void noEol() {
        assertEquals(
                "AV_PAIR list (expected: ends with MsvAvEOL, actual: 3 bytes left)",
                message(SpecValues.hex("0200 0000 000000")));
    }

    @Test
    void typedValuesCheckTheirLength() {
        assertEquals(
                "AV_PAIR 6 AvLen (expected: 4, actual: 2)",
                assertThrows(MalformedNtlmMessageException.class, () -> new AvPair(AvId.FLAGS, new byte[2]).u32Value())
                        .getMessage());
        assertEquals(
                "AV_PAIR 7 AvLen (expected: 8, actual: 4)",
                assertThrows(MalformedNtlmMessageException.class, () -> AvPair.ofU32(AvId.TIMESTAMP, 1)
                                .u64Value())
                        .getMessage());
    }

    @Test
    void eolIsNotListed() {
        assertThrows(IllegalArgumentException.class, () -> new TargetInfo(List.of(new AvPair(AvId.EOL, new byte[0]))));
    }

    private static String message(byte[] b) {
        return assertThrows(MalformedNtlmMessageException.class, () -> TargetInfo.decode(b))
                .getMessage();
    }
}
