package org.cews.policy.acl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuidsTest {

    @Test
    void enrollGuidUsesTheMixedEndianPacketForm() throws Exception {
        // docs/CA-RPC-AD.md §6.1: 0e10c968-78fb-11d2-90d4-00c04f79dc55 on the wire.
        byte[] wire = Hex.bytes(
                """
                68 c9 10 0e   # Data1 0x0e10c968, little-endian
                fb 78         # Data2 0x78fb, little-endian
                d2 11         # Data3 0x11d2, little-endian
                90 d4 00 c0 4f 79 dc 55   # Data4 as is
                """);
        assertArrayEquals(wire, Guids.encode(ControlAccessRight.ENROLL.guid()));
        assertEquals(ControlAccessRight.ENROLL.guid(), Guids.decode(wire));
    }

    @Test
    void autoEnrollRoundTrips() throws Exception {
        UUID guid = ControlAccessRight.AUTO_ENROLL.guid();
        assertEquals("c28c5ba0bc170248a710e7c15ab866a2", Hex.of(Guids.encode(guid)));
        assertEquals(guid, Guids.decode(Guids.encode(guid)));
    }

    @Test
    void refusesWrongLength() {
        AclFormatException e = assertThrows(AclFormatException.class, () -> Guids.decode(new byte[15]));
        assertEquals("GUID length (expected: 16, actual: 15)", e.getMessage());
    }
}
