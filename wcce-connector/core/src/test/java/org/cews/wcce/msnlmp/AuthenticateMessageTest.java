package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.filled;
import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AuthenticateMessageTest {

    private static final byte[] SPEC = Golden.load("authenticate-spec-4.2.4.3.hex");

    @Test
    void decodeTheSpecExample() throws Exception {
        AuthenticateMessage m = AuthenticateMessage.decode(SPEC);
        assertEquals(new NegotiateFlags(0xe2888235), m.flags());
        assertEquals("Domain", m.domain());
        assertEquals("User", m.user());
        assertEquals("COMPUTER", m.workstation());
        assertEquals("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa", hex(m.lmChallengeResponse()));
        assertEquals(84, m.ntChallengeResponse().length);
        assertEquals("c5dad2544fc9799094ce1ce90bc9d03e", hex(m.encryptedRandomSessionKey()));
        assertEquals(new NtlmVersion(5, 1, 2600, 15), m.version());
        assertNull(m.mic(), "the payload starts at 72: there is no MIC field");
    }

    @Test
    void reencodesByteForByte() throws Exception {
        assertEquals(hex(SPEC), hex(AuthenticateMessage.decode(SPEC).encode()));
    }

    @Test
    void withMicTheHeaderIs88Bytes() throws Exception {
        AuthenticateMessage m = new AuthenticateMessage(
                new NegotiateFlags(0xE2898235),
                new byte[24],
                filled(60, 0x11),
                "DCE",
                "Administrator",
                "JAVACLIENT",
                filled(16, 0x22),
                NtlmVersion.CLIENT,
                filled(16, 0x33));
        byte[] b = m.encode();
        // DomainNameFields: 6 bytes at 88, the payload's first field (docs/RPC-NTLM.md §1.3)
        assertEquals("0600060058000000", hex(b).substring(2 * 28, 2 * 36));
        assertEquals(hex(filled(16, 0x33)), hex(b).substring(2 * 72, 2 * 88));
        AuthenticateMessage back = AuthenticateMessage.decode(b);
        assertEquals(hex(filled(16, 0x33)), hex(back.mic()));
        assertEquals("Administrator", back.user());
        assertEquals(hex(b), hex(back.encode()));
        assertEquals(hex(new byte[16]), hex(AuthenticateMessage.withZeroMic(b)).substring(2 * 72, 2 * 88));
    }

    @Test
    void everyTruncationFails() {
        Hostile.everyTruncationFails(SPEC, AuthenticateMessage::decode);
    }

    @Test
    void mutationsNeverThrowUnchecked() {
        Hostile.mutationsNeverThrowUnchecked(SPEC, AuthenticateMessage::decode);
    }

    @Test
    void wrongType() {
        assertEquals(
                "AUTHENTICATE_MESSAGE MessageType (expected: 3, actual: 2)",
                message(Golden.load("challenge-spec-4.2.4.3.hex")));
    }

    @Test
    void responsePointingOutside() {
        byte[] b = SPEC.clone();
        b[20] = (byte) 0xff; // NtChallengeResponseLen 255 at 132
        assertEquals("AUTHENTICATE_MESSAGE NtChallengeResponse end (expected: at most 232, actual: 387)", message(b));
    }

    @Test
    void userNameInsideTheFixedHeader() {
        byte[] b = SPEC.clone();
        b[40] = 0; // UserNameBufferOffset 0
        assertEquals("AUTHENTICATE_MESSAGE UserName offset (expected: at least 64, actual: 0)", message(b));
    }

    private static String message(byte[] b) {
        return assertThrows(MalformedNtlmMessageException.class, () -> AuthenticateMessage.decode(b))
                .getMessage();
    }
}
