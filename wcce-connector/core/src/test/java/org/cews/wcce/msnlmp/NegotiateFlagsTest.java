package org.cews.wcce.msnlmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NegotiateFlagsTest {

    @Test
    void theFlagsSambaAccepted() {
        NegotiateFlags f = new NegotiateFlags(0xE2088235);
        assertEquals(
                EnumSet.of(
                        NegotiateFlag.UNICODE,
                        NegotiateFlag.REQUEST_TARGET,
                        NegotiateFlag.SIGN,
                        NegotiateFlag.SEAL,
                        NegotiateFlag.NTLM,
                        NegotiateFlag.ALWAYS_SIGN,
                        NegotiateFlag.EXTENDED_SESSIONSECURITY,
                        NegotiateFlag.VERSION,
                        NegotiateFlag.NEGOTIATE_128,
                        NegotiateFlag.KEY_EXCH,
                        NegotiateFlag.NEGOTIATE_56),
                f.named());
        assertEquals(0, f.unknownBits());
        assertEquals(0, f.missing(NegotiateFlags.REQUIRED_FOR_PRIVACY).value());
    }

    @Test
    void bitsAndLettersOfTheSpecDiagram() {
        // [MS-NLMP] 2.2.2.5: A is the least significant bit, W the most significant.
        assertEquals(0x00000001, NegotiateFlag.UNICODE.bit());
        assertEquals('A', NegotiateFlag.UNICODE.letter());
        assertEquals(0x00080000, NegotiateFlag.EXTENDED_SESSIONSECURITY.bit());
        assertEquals('P', NegotiateFlag.EXTENDED_SESSIONSECURITY.letter());
        assertEquals(0x80000000, NegotiateFlag.NEGOTIATE_56.bit());
        assertEquals('W', NegotiateFlag.NEGOTIATE_56.letter());
    }

    @Test
    void reservedBitsSurvive() {
        NegotiateFlags f = new NegotiateFlags(0x04000008 | 0x1);
        assertEquals(0x04000008, f.unknownBits());
        assertEquals(0x04000009, f.with(NegotiateFlag.UNICODE).value());
        assertEquals("0x04000009 UNICODE|0x04000008", f.toString());
    }

    @Test
    void withoutSeal() {
        NegotiateFlags f = new NegotiateFlags(0xE2088215);
        assertFalse(f.has(NegotiateFlag.SEAL));
        assertEquals("SEAL", f.missing(NegotiateFlags.REQUIRED_FOR_PRIVACY).names());
    }
}
