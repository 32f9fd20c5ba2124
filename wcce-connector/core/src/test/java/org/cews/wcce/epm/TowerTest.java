package org.cews.wcce.epm;

import static org.cews.wcce.ndr.CodecAssertions.decodeFails;
import static org.cews.wcce.ndr.CodecAssertions.everyTruncationFails;
import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class TowerTest {

    /** ICPR's ncacn_ip_tcp tower at 192.0.2.10:49668, as in the ept_map response golden. */
    static final String ICPR_TOWER =
            """
            05 00                                                      # floor_count 5
            13 00 | 0d 20 60 ae 91 3c 9e cf 11 8d 7c 00 aa 00 c0 91 be 00 00 | 02 00 | 00 00   # ICPR v0.0
            13 00 | 0d 04 5d 88 8a eb 1c c9 11 9f e8 08 00 2b 10 48 60 02 00 | 02 00 | 00 00   # NDR v2.0
            01 00 | 0b | 02 00 | 00 00                                 # connection-oriented RPC, minor 0
            01 00 | 07 | 02 00 | c2 04                                 # TCP port 49668, big-endian
            01 00 | 09 | 04 00 | c0 00 02 0a                           # IP 192.0.2.10
            """;

    static final byte[] IP = {(byte) 192, 0, 2, 10};

    @Test
    void buildsTheFiveFloorNcacnIpTcpTower() {
        Tower tower = Tower.ncacnIpTcp(IcprInterface.SYNTAX, 49668, IP);
        assertEquals(hex(parse(ICPR_TOWER)), hex(tower.encode()));
        assertEquals(75, tower.encode().length);
    }

    @Test
    void parsesATowerAndExtractsInterfacePortAndAddress() throws NdrException {
        Tower tower = Tower.decode(parse(ICPR_TOWER));
        assertEquals(IcprInterface.SYNTAX, tower.interfaceId());
        assertEquals(49668, tower.tcpPort());
        assertArrayEquals(IP, tower.ipv4Address());
        assertEquals(hex(parse(ICPR_TOWER)), hex(tower.encode()));
        assertEquals(Tower.ncacnIpTcp(IcprInterface.SYNTAX, 49668, IP), tower);
    }

    @Test
    void portsAboveSignedShortRangeAreReadUnsigned() throws NdrException {
        assertEquals(65535, Tower.ncacnIpTcp(IcprInterface.SYNTAX, 65535, IP).tcpPort());
    }

    @Test
    void everyTruncationIsACheckedException() {
        everyTruncationFails(parse(ICPR_TOWER), Tower::decode);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("no floors", "00 00", "tower floor_count (expected: 1..6, actual: 0)"),
                Arguments.of("seven floors", "07 00", "tower floor_count (expected: 1..6, actual: 7)"),
                Arguments.of(
                        "empty lhs", "01 00 | 00 00 | 00 00", "tower floor 1 lhs_length (expected: >= 1, actual: 0)"),
                Arguments.of(
                        "lhs longer than the tower",
                        "01 00 | ff ff | 0d",
                        "tower floor 1 lhs (expected: 65535 bytes, actual: 1 left)"),
                Arguments.of(
                        "rhs longer than the tower",
                        "01 00 | 01 00 | 07 | 09 00 | c2 04",
                        "tower floor 1 rhs (expected: 9 bytes, actual: 2 left)"),
                Arguments.of(
                        "bytes after the last floor",
                        "01 00 | 01 00 | 07 | 02 00 | c2 04 | 00",
                        "bytes after the tower's floors (expected: 0, actual: 1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedTowersAreRefused(String name, String hex, String message) {
        assertEquals(message, decodeFails(parse(hex), Tower::decode));
    }

    @Test
    void accessorsRefuseATowerWithoutTheFloorTheyNeed() throws NdrException {
        Tower pipeOnly = Tower.decode(parse("01 00 | 01 00 | 0f | 02 00 | 5c 00"));
        assertEquals(
                "tower TCP floor (expected: protocol 0x07, actual: none)",
                assertThrows(NdrException.class, pipeOnly::tcpPort).getMessage());
        assertEquals(
                "tower IP floor (expected: protocol 0x09, actual: none)",
                assertThrows(NdrException.class, pipeOnly::ipv4Address).getMessage());
        assertEquals(
                "tower floor 1 (expected: 0x0D, 19-byte lhs, 2-byte rhs, actual: Floor[0f / 5c00])",
                assertThrows(NdrException.class, pipeOnly::interfaceId).getMessage());
        Tower badPort = Tower.decode(parse("01 00 | 01 00 | 07 | 03 00 | 00 87 00"));
        assertEquals(
                "tower TCP floor rhs_length (expected: 2, actual: 3)",
                assertThrows(NdrException.class, badPort::tcpPort).getMessage());
    }

    @Test
    void constructionIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Tower(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Tower.ncacnIpTcp(IcprInterface.SYNTAX, 65536, IP));
        assertThrows(IllegalArgumentException.class, () -> Tower.ncacnIpTcp(IcprInterface.SYNTAX, 1, new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new Floor(new byte[0], new byte[0]));
    }
}
