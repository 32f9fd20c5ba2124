package org.cews.policy.acl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SidTest {

    /** S-1-5-21-1-2-3-513 ([MS-DTYP] 2.4.2.4 example domain, Domain Users). */
    static final byte[] DOMAIN_USERS = Hex.bytes(
            """
            01                      # Revision 1
            05                      # SubAuthorityCount 5
            00 00 00 00 00 05       # IdentifierAuthority 5, big-endian (NT AUTHORITY)
            15 00 00 00             # 21
            01 00 00 00             # 1
            02 00 00 00             # 2
            03 00 00 00             # 3
            01 02 00 00             # 513
            """);

    @Test
    void decodesAndFormatsADomainSid() throws Exception {
        Sid sid = Sid.decode(DOMAIN_USERS);
        assertEquals("S-1-5-21-1-2-3-513", sid.toString());
        assertEquals(5, sid.subAuthorityCount());
        assertEquals(513, sid.subAuthority(4));
        assertArrayEquals(DOMAIN_USERS, sid.encode());
        assertEquals(sid, Sid.parse("S-1-5-21-1-2-3-513"));
        assertEquals(sid, Sid.parse("S-1-5-21-1-2-3").withRid(WellKnownSids.RID_DOMAIN_USERS));
    }

    @Test
    void subAuthoritiesAreUnsigned() throws Exception {
        Sid sid = Sid.parse("S-1-5-21-4294967295-3623811015-30300820-1104");
        assertEquals("S-1-5-21-4294967295-3623811015-30300820-1104", sid.toString());
        assertEquals(sid, Sid.decode(sid.encode()));
        assertArrayEquals(Hex.bytes("ff ff ff ff"), Arrays.copyOfRange(sid.encode(), 12, 16));
    }

    @Test
    void wellKnownSidsHaveTheirSpecStrings() {
        assertEquals("S-1-1-0", WellKnownSids.EVERYONE.toString());
        assertEquals("S-1-5-11", WellKnownSids.AUTHENTICATED_USERS.toString());
        assertEquals("S-1-5-32-544", WellKnownSids.BUILTIN_ADMINISTRATORS.toString());
        assertArrayEquals(Hex.bytes("01 01 000000000001 00000000"), WellKnownSids.EVERYONE.encode());
    }

    @Test
    void authorityAtOrAbove2To32IsHex() throws Exception {
        Sid sid = Sid.of(0x0000_1234_5678_9ABCL, 1);
        assertEquals("S-1-0x123456789ABC-1", sid.toString());
        assertEquals(sid, Sid.parse("S-1-0x123456789ABC-1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "S-1",
                "S-2-5-11",
                "X-1-5",
                "S-1-5-",
                "S-1-5-x",
                "S-1-5-4294967296",
                "S-1-5--1",
                "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"
            })
    void refusesBadStrings(String text) {
        AclFormatException e = assertThrows(AclFormatException.class, () -> Sid.parse(text));
        assertEquals(true, e.getMessage().startsWith("SID string"));
    }

    @Test
    void refusesMoreThan15SubAuthorities() {
        byte[] b = new byte[8 + 16 * 4];
        b[0] = 1;
        b[1] = 16;
        AclFormatException e = assertThrows(AclFormatException.class, () -> Sid.decode(b));
        assertEquals("SID SubAuthorityCount (expected: at most 15, actual: 16)", e.getMessage());
    }

    @Test
    void refusesRevisionOtherThan1() {
        byte[] b = DOMAIN_USERS.clone();
        b[0] = 2;
        AclFormatException e = assertThrows(AclFormatException.class, () -> Sid.decode(b));
        assertEquals("SID revision (expected: 1, actual: 2)", e.getMessage());
    }

    @Test
    void everyTruncationFails() {
        for (int length = 0; length < DOMAIN_USERS.length; length++) {
            byte[] cut = Arrays.copyOf(DOMAIN_USERS, length);
            assertThrows(AclFormatException.class, () -> Sid.decode(cut), "length " + length);
        }
    }

    @Test
    void trailingBytesAreRefusedForAWholeValue() {
        byte[] longer = Arrays.copyOf(DOMAIN_USERS, DOMAIN_USERS.length + 4);
        AclFormatException e = assertThrows(AclFormatException.class, () -> Sid.decode(longer));
        assertEquals("SID length (expected: 28, actual: 32)", e.getMessage());
    }
}
