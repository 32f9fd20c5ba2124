package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NegotiateMessageTest {

    private static final byte[] SAMBA_ACCEPTED = Golden.load("negotiate-samba-accepted.hex");

    @Test
    void theFortyBytesSambaAccepted() {
        NegotiateMessage m = NegotiateMessage.of(new NegotiateFlags(0xE2088235), NtlmVersion.CLIENT);
        assertEquals(40, SAMBA_ACCEPTED.length);
        assertEquals(hex(SAMBA_ACCEPTED), hex(m.encode()));
    }

    @Test
    void decodeAndReencode() throws Exception {
        NegotiateMessage m = NegotiateMessage.decode(SAMBA_ACCEPTED);
        assertEquals(new NegotiateFlags(0xE2088235), m.flags());
        assertEquals(new NtlmVersion(10, 0, 19041, 15), m.version());
        assertEquals("", m.domain());
        assertEquals("", m.workstation());
        assertEquals(hex(SAMBA_ACCEPTED), hex(m.encode()));
    }

    @Test
    void withoutVersionTheHeaderIs32Bytes() throws Exception {
        NegotiateMessage m = NegotiateMessage.of(new NegotiateFlags(0x00080231), NtlmVersion.CLIENT);
        byte[] b = m.encode();
        assertEquals("4e544c4d53535000" + "01000000" + "31020800" + "0000000020000000" + "0000000020000000", hex(b));
        assertNull(NegotiateMessage.decode(b).version());
    }

    @Test
    void oemNamesAreReadWhenFlagged() throws Exception {
        NegotiateFlags flags = new NegotiateFlags(0x00003000 | 0x00080231);
        byte[] b = new NegotiateMessage(flags, "DCE", "WS1", null).encode();
        NegotiateMessage m = NegotiateMessage.decode(b);
        assertEquals("DCE", m.domain());
        assertEquals("WS1", m.workstation());
        assertEquals(hex(b), hex(m.encode()));
    }

    @Test
    void namesAreIgnoredWithoutTheirFlags() throws Exception {
        byte[] b = SAMBA_ACCEPTED.clone();
        b[16] = 0x7f; // DomainNameLen 127, beyond the message, but OEM_DOMAIN_SUPPLIED is clear
        assertEquals("", NegotiateMessage.decode(b).domain());
    }

    @Test
    void everyTruncationFails() {
        Hostile.everyTruncationFails(SAMBA_ACCEPTED, NegotiateMessage::decode);
    }

    @Test
    void truncatedVersion() {
        assertEquals(
                "NEGOTIATE_MESSAGE length (expected: at least 40, actual: 39)",
                assertThrows(
                                MalformedNtlmMessageException.class,
                                () -> NegotiateMessage.decode(Arrays.copyOf(SAMBA_ACCEPTED, 39)))
                        .getMessage());
    }

    @Test
    void wrongSignature() {
        byte[] b = SAMBA_ACCEPTED.clone();
        b[7] = 'X';
        assertEquals(
                "NEGOTIATE_MESSAGE signature (expected: 4e544c4d53535000, actual: 4e544c4d53535058)",
                assertThrows(MalformedNtlmMessageException.class, () -> NegotiateMessage.decode(b))
                        .getMessage());
    }

    @Test
    void wrongMessageType() {
        byte[] b = SAMBA_ACCEPTED.clone();
        b[8] = 3;
        assertEquals(
                "NEGOTIATE_MESSAGE MessageType (expected: 1, actual: 3)",
                assertThrows(MalformedNtlmMessageException.class, () -> NegotiateMessage.decode(b))
                        .getMessage());
    }

    @Test
    void suppliedDomainPointingOutside() {
        byte[] b = SAMBA_ACCEPTED.clone();
        b[13] |= 0x10; // OEM_DOMAIN_SUPPLIED
        b[16] = 4; // DomainNameLen 4 at offset 40 of a 40-byte message
        assertEquals(
                "NEGOTIATE_MESSAGE DomainName end (expected: at most 40, actual: 44)",
                assertThrows(MalformedNtlmMessageException.class, () -> NegotiateMessage.decode(b))
                        .getMessage());
    }

    @Test
    void mutationsNeverThrowUnchecked() {
        byte[] b = new NegotiateMessage(new NegotiateFlags(0x00003000 | 0xE2088235), "DOM", "WS", NtlmVersion.CLIENT)
                .encode();
        Hostile.mutationsNeverThrowUnchecked(b, NegotiateMessage::decode);
    }
}
