package org.cews.wcce.epm;

import static org.cews.wcce.ndr.CodecAssertions.decodeFails;
import static org.cews.wcce.ndr.CodecAssertions.everyTruncationFails;
import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.cews.wcce.ndr.GoldenHex.resource;
import static org.cews.wcce.ndr.GoldenHex.zeroed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.ndr.NdrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EptMapTest {

    static final String FILE = "/org/cews/wcce/epm/ept-map-icpr.hex";

    static final EptMap ICPR = EptMap.forInterface(IcprInterface.SYNTAX, 4);

    /**
     * impacket 0.10's {@code epm.ept_map}, filled the way its {@code hept_map} fills it (tower,
     * referent ids 1 and 2) but with max_towers 4; produced by
     * {@code src/test/python/impacket_crosscheck.py}. Its one padding byte (0x6b) is 0xAB.
     */
    static final byte[] IMPACKET = parse(
            """
            01000000 00000000000000000000000000000000 02000000 4b000000 4b000000
            0500 1300 0d2060ae913c9ecf118d7c00aa00c091be0000 0200 0000
            1300 0d045d888aeb1cc9119fe808002b1048600200 0200 0000
            0100 0b 0200 0000   0100 07 0200 0000   0100 09 0400 00000000
            ab 00000000 00000000000000000000000000000000 04000000
            """);

    @Test
    void encodesToTheGoldenBytes() {
        assertEquals(hex(resource(FILE)), hex(ICPR.encode()));
    }

    @Test
    void decodesTheGoldenBytesAndReencodesThemExactly() throws NdrException {
        EptMap decoded = EptMap.decode(resource(FILE));
        assertEquals(ICPR, decoded);
        assertEquals(new UUID(0, 0), decoded.obj());
        assertEquals(IcprInterface.SYNTAX, decoded.mapTower().interfaceId());
        assertEquals(hex(resource(FILE)), hex(decoded.encode()));
    }

    @Test
    void matchesImpacket() throws NdrException {
        assertEquals(hex(resource(FILE)), hex(zeroed(IMPACKET, 0x6b)));
        assertEquals(ICPR, EptMap.decode(IMPACKET));
    }

    @Test
    void everyTruncationIsACheckedException() {
        everyTruncationFails(resource(FILE), EptMap::decode);
    }

    @Test
    void referentIdsAreOneAndTwoEvenWhenObjIsNull() throws NdrException {
        // Interop (impacket's note): Windows Server 2003 answers rpc_x_bad_stub_data otherwise.
        EptMap noObj = new EptMap(null, Tower.ncacnIpTcp(IcprInterface.SYNTAX), EptLookupHandle.NULL, 1);
        byte[] stub = noObj.encode();
        assertEquals("00000000" + "02000000", hex(Arrays.copyOf(stub, 8)));
        EptMap decoded = EptMap.decode(stub);
        assertNull(decoded.obj());
        assertEquals(noObj, decoded);
    }

    static byte[] goldenWith(int offset, String bytes) {
        byte[] b = resource(FILE);
        byte[] patch = parse(bytes);
        System.arraycopy(patch, 0, b, offset, patch.length);
        return b;
    }

    static Stream<Arguments> hostile() {
        byte[] golden = resource(FILE);
        return Stream.of(
                Arguments.of(
                        "tower max_count 0x7fffffff",
                        goldenWith(0x18, "ff ff ff 7f"),
                        "map_tower.tower_octet_string max_count (expected: <= 104, actual: 2147483647)"),
                Arguments.of(
                        "tower_length and max_count disagree",
                        goldenWith(0x1c, "4a 00 00 00"),
                        "map_tower.tower_length (expected: 75, actual: 74)"),
                Arguments.of(
                        "max_towers above its range",
                        goldenWith(0x80, "f5 01 00 00"),
                        "max_towers (expected: <= 500, actual: 501)"),
                Arguments.of(
                        "floor count inside the tower wrong",
                        goldenWith(0x20, "04 00"),
                        "bytes after the tower's floors (expected: 0, actual: 9)"),
                Arguments.of(
                        "trailing garbage",
                        Arrays.copyOf(golden, golden.length + 4),
                        "bytes after the stub (expected: 0, actual: 4)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileStubsGiveACheckedExceptionWithAStableMessage(String name, byte[] stub, String message) {
        assertEquals(message, decodeFails(stub, EptMap::decode));
    }

    @Test
    void towerLengthAboveTheRangeIsRefused() {
        byte[] stub = new byte[0x20 + 2001 + 24];
        byte[] head = parse("01000000 00000000000000000000000000000000 02000000 d1070000 d1070000");
        System.arraycopy(head, 0, stub, 0, head.length);
        assertEquals("map_tower.tower_length (expected: <= 2000, actual: 2001)", decodeFails(stub, EptMap::decode));
    }

    @Test
    void maxTowersIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> EptMap.forInterface(IcprInterface.SYNTAX, 501));
        assertThrows(IllegalArgumentException.class, () -> EptMap.forInterface(IcprInterface.SYNTAX, -1));
    }
}
