package org.cews.policy.acl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityDescriptorTest {

    /**
     * [MS-DTYP] 2.5.1.4: "O:BAG:BAD:P(A;CIOI;GRGX;;;BU)(A;CIOI;GA;;;BA)(A;CIOI;GA;;;SY)(A;CIOI;GA;;;CO)
     * S:P(AU;FA;GR;;;WD)" in self-relative form.
     */
    static final byte[] SPEC_EXAMPLE = Hex.bytes(
            """
            01 00 14 b0          # Revision 1, Sbz1 0, Control 0xb014: SR PS PD SP DP
            90 00 00 00          # OffsetOwner 0x90
            a0 00 00 00          # OffsetGroup 0xa0
            14 00 00 00          # OffsetSacl 0x14
            30 00 00 00          # OffsetDacl 0x30
            # 0x14 SACL
            02 00 1c 00 01 00 00 00          # AclRevision 2, AclSize 0x1c, AceCount 1
            02 80 14 00 00 00 00 80          # SYSTEM_AUDIT, FAILED_ACCESS, size 0x14, mask GR
            01 01 00 00 00 00 00 01 00 00 00 00   # S-1-1-0 (WD)
            # 0x30 DACL
            02 00 60 00 04 00 00 00          # AclRevision 2, AclSize 0x60, AceCount 4
            00 03 18 00 00 00 00 a0          # ALLOWED, OI|CI, size 0x18, mask GR|GX
            01 02 00 00 00 00 00 05 20 00 00 00 21 02 00 00   # S-1-5-32-545 (BU)
            00 03 18 00 00 00 00 10          # ALLOWED, OI|CI, size 0x18, mask GA
            01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00   # S-1-5-32-544 (BA)
            00 03 14 00 00 00 00 10          # ALLOWED, OI|CI, size 0x14, mask GA
            01 01 00 00 00 00 00 05 12 00 00 00               # S-1-5-18 (SY)
            00 03 14 00 00 00 00 10          # ALLOWED, OI|CI, size 0x14, mask GA
            01 01 00 00 00 00 00 03 00 00 00 00               # S-1-3-0 (CO)
            # 0x90 owner, 0xa0 group
            01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00   # S-1-5-32-544
            01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00   # S-1-5-32-544
            """);

    /** An AD-shaped template DACL with one object ACE: owner, DP|SR, Enroll for Domain Users. */
    static final byte[] OBJECT_ACE_SD = Hex.bytes(
            """
            01 00 04 80          # Revision 1, Control 0x8004: SR DP
            00 00 00 00 00 00 00 00 00 00 00 00   # no owner, group, SACL
            14 00 00 00          # OffsetDacl 0x14
            04 00 40 00 01 00 00 00          # AclRevision 4 (DS), AclSize 0x40, AceCount 1
            05 00 38 00                      # ACCESS_ALLOWED_OBJECT, no flags, size 0x38
            00 01 00 00                      # mask CR
            01 00 00 00                      # ACE_OBJECT_TYPE_PRESENT
            68 c9 10 0e fb 78 d2 11 90 d4 00 c0 4f 79 dc 55   # Enroll
            01 05 00 00 00 00 00 05 15 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 01 02 00 00  # S-1-5-21-1-2-3-513
            """);

    @Test
    void decodesTheSpecExample() throws Exception {
        SecurityDescriptor sd = SecurityDescriptor.decode(SPEC_EXAMPLE);
        assertEquals(0xb014, sd.control().value());
        assertTrue(sd.control().has(SdControl.DACL_PROTECTED));
        assertEquals(Optional.of(WellKnownSids.BUILTIN_ADMINISTRATORS), sd.owner());
        assertEquals(Optional.of(WellKnownSids.BUILTIN_ADMINISTRATORS), sd.group());
        Acl sacl = sd.sacl().orElseThrow();
        assertEquals(
                List.of(new SimpleAce(AceType.SYSTEM_AUDIT, 0x80, 0x8000_0000, WellKnownSids.EVERYONE)), sacl.aces());
        Acl dacl = sd.dacl().orElseThrow();
        assertEquals(2, dacl.revision());
        assertEquals(
                List.of(
                        new SimpleAce(AceType.ACCESS_ALLOWED, 3, 0xa000_0000, WellKnownSids.BUILTIN_USERS),
                        new SimpleAce(AceType.ACCESS_ALLOWED, 3, 0x1000_0000, WellKnownSids.BUILTIN_ADMINISTRATORS),
                        new SimpleAce(AceType.ACCESS_ALLOWED, 3, 0x1000_0000, WellKnownSids.LOCAL_SYSTEM),
                        new SimpleAce(AceType.ACCESS_ALLOWED, 3, 0x1000_0000, WellKnownSids.CREATOR_OWNER)),
                dacl.aces());
        assertArrayEquals(SPEC_EXAMPLE, sd.encode());
    }

    @Test
    void decodesAnObjectAce() throws Exception {
        SecurityDescriptor sd = SecurityDescriptor.decode(OBJECT_ACE_SD);
        ObjectAce ace =
                assertInstanceOf(ObjectAce.class, sd.dacl().orElseThrow().aces().get(0));
        assertEquals(AceType.ACCESS_ALLOWED_OBJECT, ace.type());
        assertEquals(Optional.of(ControlAccessRight.ENROLL.guid()), ace.objectType());
        assertEquals(Optional.empty(), ace.inheritedObjectType());
        assertEquals("S-1-5-21-1-2-3-513", ace.sid().toString());
        assertEquals(Optional.empty(), sd.owner());
        assertArrayEquals(OBJECT_ACE_SD, sd.encode());
    }

    @Test
    void objectAceWithBothGuidsAndNoGuidRoundTrip() throws Exception {
        Sid sid = Sid.parse("S-1-5-11");
        ObjectAce both = new ObjectAce(
                AceType.ACCESS_DENIED_OBJECT,
                AceFlag.CONTAINER_INHERIT_ACE.bit() | 0x08,
                0x100,
                ControlAccessRight.ENROLL.guid(),
                sid);
        both = new ObjectAce(
                both.type(),
                both.flags(),
                both.mask(),
                both.objectType(),
                Optional.of(ControlAccessRight.AUTO_ENROLL.guid()),
                sid,
                null);
        ObjectAce none = new ObjectAce(AceType.ACCESS_ALLOWED_OBJECT, 0, 0x100, null, sid);
        SecurityDescriptor sd = SecurityDescriptor.of(0, sid, null, Acl.of(List.of(both, none)));
        byte[] encoded = sd.encode();
        assertEquals(sd, SecurityDescriptor.decode(encoded));
        assertEquals(12 + 32 + 12, both.size());
        assertEquals(12 + 12, none.size());
        assertEquals(4, sd.dacl().orElseThrow().revision());
    }

    @Test
    void unknownAceTypeIsKeptByteForByte() throws Exception {
        byte[] sd = Hex.bytes(
                """
                01 00 04 80 00 00 00 00 00 00 00 00 00 00 00 00 14 00 00 00
                02 00 14 00 01 00 00 00    # ACL, one ACE
                42 10 0c 00                # AceType 0x42 (unknown), INHERITED, size 12
                de ad be ef ca fe ba be    # opaque body
                """);
        SecurityDescriptor decoded = SecurityDescriptor.decode(sd);
        OpaqueAce ace = assertInstanceOf(
                OpaqueAce.class, decoded.dacl().orElseThrow().aces().get(0));
        assertEquals(0x42, ace.type().code());
        assertEquals("deadbeefcafebabe", Hex.of(ace.body()));
        assertArrayEquals(sd, decoded.encode());
    }

    @Test
    void daclPresentWithOffsetZeroIsANullDacl() throws Exception {
        byte[] sd = Hex.bytes("01 00 04 80 00000000 00000000 00000000 00000000");
        assertEquals(Optional.empty(), SecurityDescriptor.decode(sd).dacl());
    }

    @Test
    void everyTruncationOfEveryGoldenDescriptorFails() {
        for (byte[] golden : List.of(SPEC_EXAMPLE, OBJECT_ACE_SD)) {
            for (int length = 0; length < golden.length; length++) {
                byte[] cut = Arrays.copyOf(golden, length);
                assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(cut), "length " + length);
            }
        }
    }

    @Test
    void hostileAceCountIsRefusedBeforeDecoding() {
        byte[] sd = OBJECT_ACE_SD.clone();
        sd[0x14 + 4] = (byte) 0xff; // AceCount 0xffff in a 0x40-byte ACL
        sd[0x14 + 5] = (byte) 0xff;
        AclFormatException e = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(sd));
        assertEquals("AceCount (expected: at most 14 in AclSize 64, actual: 65535)", e.getMessage());
    }

    @Test
    void aclSizeBeyondTheBufferIsRefused() {
        byte[] sd = OBJECT_ACE_SD.clone();
        sd[0x14 + 2] = (byte) 0xff; // AclSize 0xffff
        sd[0x14 + 3] = (byte) 0xff;
        AclFormatException e = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(sd));
        assertTrue(e.getMessage().startsWith("ACL runs past the end"), e.getMessage());
    }

    @Test
    void aceSizeBelowTheHeaderIsRefused() {
        byte[] sd = OBJECT_ACE_SD.clone();
        sd[0x1c + 2] = 0; // AceSize 0 would never advance
        sd[0x1c + 3] = 0;
        AclFormatException e = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(sd));
        assertEquals("AceSize (expected: at least 4, actual: 0)", e.getMessage());
    }

    @Test
    void aceSizeSmallerThanItsSidIsRefused() {
        byte[] sd = OBJECT_ACE_SD.clone();
        sd[0x1c + 2] = 0x34; // 4 bytes short of the SID's end
        AclFormatException e = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(sd));
        assertTrue(e.getMessage().startsWith("SID sub-authorities runs past the end"), e.getMessage());
    }

    @Test
    void offsetsOutsideTheBufferAreRefused() {
        byte[] sd = OBJECT_ACE_SD.clone();
        sd[4] = (byte) 0xf0; // OffsetOwner 0xf0
        AclFormatException e = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(sd));
        assertEquals("OffsetOwner (expected: in [20, 84), actual: 240)", e.getMessage());
        byte[] negative = OBJECT_ACE_SD.clone();
        negative[19] = (byte) 0x80; // OffsetDacl 0x80000014
        AclFormatException e2 = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(negative));
        assertEquals("OffsetDacl (expected: in [20, 84), actual: 2147483668)", e2.getMessage());
    }

    @Test
    void oversizedInputIsRefusedUpFront() {
        byte[] huge = new byte[SecurityDescriptor.MAX_SIZE + 1];
        huge[0] = 1;
        AclFormatException e = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(huge));
        assertTrue(e.getMessage().startsWith("security descriptor size"), e.getMessage());
    }

    @Test
    void absoluteFormIsRefused() {
        byte[] sd = OBJECT_ACE_SD.clone();
        sd[3] = 0; // Control without SR
        AclFormatException e = assertThrows(AclFormatException.class, () -> SecurityDescriptor.decode(sd));
        assertTrue(e.getMessage().startsWith("security descriptor Control (expected: SR set"), e.getMessage());
    }
}
