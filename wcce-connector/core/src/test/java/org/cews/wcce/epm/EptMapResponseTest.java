package org.cews.wcce.epm;

import static org.cews.wcce.ndr.CodecAssertions.decodeFails;
import static org.cews.wcce.ndr.CodecAssertions.everyTruncationFails;
import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.cews.wcce.ndr.GoldenHex.resource;
import static org.cews.wcce.ndr.GoldenHex.zeroed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.ndr.NdrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EptMapResponseTest {

    static final String ICPR_FILE = "/org/cews/wcce/epm/ept-map-response-icpr.hex";
    static final String NOT_REGISTERED_FILE = "/org/cews/wcce/epm/ept-map-response-not-registered.hex";

    static final EptMapResponse ICPR = new EptMapResponse(
            EptLookupHandle.NULL,
            4,
            List.of(Tower.ncacnIpTcp(IcprInterface.SYNTAX, 49668, new byte[] {(byte) 192, 0, 2, 10})),
            0);

    static final EptMapResponse NOT_REGISTERED =
            EptMapResponse.notRegistered(EptMap.forInterface(IcprInterface.SYNTAX, 4));

    /**
     * impacket 0.10's {@code epm.ept_mapResponse} with the same content, from
     * {@code src/test/python/impacket_crosscheck.py}; its one padding byte (0x7b) is 0xBF.
     */
    static final byte[] IMPACKET_ICPR = parse(
            """
            00000000 00000000000000000000000000000000 01000000
            04000000 00000000 01000000 03000000 4b000000 4b000000
            0500 1300 0d2060ae913c9ecf118d7c00aa00c091be0000 0200 0000
            1300 0d045d888aeb1cc9119fe808002b1048600200 0200 0000
            0100 0b 0200 0000   0100 07 0200 c204   0100 09 0400 c000020a
            bf 00000000
            """);

    static final byte[] IMPACKET_NOT_REGISTERED = parse(
            """
            00000000 00000000000000000000000000000000 00000000
            04000000 00000000 00000000 d6a0c916
            """);

    static Stream<Arguments> goldens() {
        return Stream.of(Arguments.of(ICPR_FILE, ICPR), Arguments.of(NOT_REGISTERED_FILE, NOT_REGISTERED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void encodesToTheGoldenBytes(String file, EptMapResponse response) {
        assertEquals(hex(resource(file)), hex(response.encode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decodesTheGoldenBytesAndReencodesThemExactly(String file, EptMapResponse response) throws NdrException {
        EptMapResponse decoded = EptMapResponse.decode(resource(file));
        assertEquals(response, decoded);
        assertEquals(hex(resource(file)), hex(decoded.encode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void everyTruncationIsACheckedException(String file, EptMapResponse response) {
        everyTruncationFails(resource(file), EptMapResponse::decode);
    }

    @Test
    void theClientReadsThePortOfTheFirstTower() throws NdrException {
        EptMapResponse response = EptMapResponse.decode(resource(ICPR_FILE));
        assertEquals(49668, response.towers().get(0).tcpPort());
        assertEquals(
                EpmInterface.EPT_S_NOT_REGISTERED,
                EptMapResponse.decode(resource(NOT_REGISTERED_FILE)).status());
    }

    @Test
    void matchesImpacket() throws NdrException {
        assertEquals(hex(resource(ICPR_FILE)), hex(zeroed(IMPACKET_ICPR, 0x7b)));
        assertEquals(ICPR, EptMapResponse.decode(IMPACKET_ICPR));
        assertEquals(hex(resource(NOT_REGISTERED_FILE)), hex(IMPACKET_NOT_REGISTERED));
        assertEquals(NOT_REGISTERED, EptMapResponse.decode(IMPACKET_NOT_REGISTERED));
    }

    static byte[] goldenWith(int offset, String bytes) {
        byte[] b = resource(ICPR_FILE);
        byte[] patch = parse(bytes);
        System.arraycopy(patch, 0, b, offset, patch.length);
        return b;
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of(
                        "actual_count 0x7fffffff",
                        goldenWith(0x18, "ff ff ff ff 00 00 00 00 ff ff ff 7f"),
                        "ITowers actual_count (expected: <= 23, actual: 2147483647)"),
                Arguments.of(
                        "max_count above the max_towers range",
                        goldenWith(0x18, "f5 01 00 00"),
                        "ITowers max_count (expected: <= 500, actual: 501)"),
                Arguments.of(
                        "offset not 0", goldenWith(0x1c, "01 00 00 00"), "ITowers offset (expected: 0, actual: 1)"),
                Arguments.of(
                        "actual_count above max_count",
                        goldenWith(0x18, "00 00 00 00"),
                        "ITowers actual_count (expected: <= 0, actual: 1)"),
                Arguments.of(
                        "actual_count is not num_towers",
                        goldenWith(0x14, "02 00 00 00"),
                        "ITowers actual_count (expected: 2, actual: 1)"),
                Arguments.of(
                        "a NULL tower pointer",
                        goldenWith(0x24, "00 00 00 00"),
                        "ITowers[0] (expected: non-NULL, actual: NULL)"),
                Arguments.of(
                        "tower max_count 0x7fffffff",
                        goldenWith(0x28, "ff ff ff 7f"),
                        "ITowers[0].tower_octet_string max_count (expected: <= 84, actual: 2147483647)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileStubsGiveACheckedExceptionWithAStableMessage(String name, byte[] stub, String message) {
        assertEquals(message, decodeFails(stub, EptMapResponse::decode));
    }

    @Test
    void constructionIsChecked() {
        assertThrows(
                IllegalArgumentException.class, () -> new EptMapResponse(EptLookupHandle.NULL, 0, ICPR.towers(), 0));
        assertThrows(IllegalArgumentException.class, () -> new EptMapResponse(EptLookupHandle.NULL, 501, List.of(), 0));
    }

    @Test
    void interfaceIdentity() {
        assertEquals(
                "e1af8308-5d1f-11c9-91a4-08002b14a0fa",
                EpmInterface.SYNTAX.uuid().toString());
        assertEquals(3, EpmInterface.SYNTAX.major());
        assertEquals(3, EpmInterface.OPNUM_EPT_MAP);
    }
}
