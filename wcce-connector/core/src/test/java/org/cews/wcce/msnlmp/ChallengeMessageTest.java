package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeMessageTest {

    private static final byte[] SPEC = Golden.load("challenge-spec-4.2.4.3.hex");

    @Test
    void decodeTheSpecExample() throws Exception {
        ChallengeMessage m = ChallengeMessage.decode(SPEC);
        assertEquals(SpecValues.CHALLENGE_FLAGS, m.flags());
        assertEquals("Server", m.targetName());
        assertEquals("0123456789abcdef", hex(m.serverChallenge()));
        assertEquals(new NtlmVersion(6, 0, 6000, 15), m.version());
        assertEquals(
                List.of(
                        AvPair.ofString(AvId.NB_DOMAIN_NAME, "Domain"),
                        AvPair.ofString(AvId.NB_COMPUTER_NAME, "Server")),
                m.targetInfo().pairs());
        assertEquals(
                "Server",
                m.targetInfo().find(AvId.NB_COMPUTER_NAME).orElseThrow().stringValue());
    }

    @Test
    void reencodesByteForByte() throws Exception {
        assertEquals(hex(SPEC), hex(ChallengeMessage.decode(SPEC).encode()));
    }

    @Test
    void targetInfoIsIgnoredWithoutItsFlag() throws Exception {
        byte[] b = SPEC.clone();
        b[22] &= ~0x80; // clear TARGET_INFO (0x00800000)
        b[40] = (byte) 0xff; // and point TargetInfoLen past the end
        assertEquals(TargetInfo.EMPTY, ChallengeMessage.decode(b).targetInfo());
    }

    @Test
    void everyTruncationFails() {
        Hostile.everyTruncationFails(SPEC, ChallengeMessage::decode);
    }

    @Test
    void mutationsNeverThrowUnchecked() {
        Hostile.mutationsNeverThrowUnchecked(SPEC, ChallengeMessage::decode);
    }

    @Test
    void wrongSignatureAndType() {
        byte[] sig = SPEC.clone();
        sig[0] = 'n';
        assertEquals(
                "CHALLENGE_MESSAGE signature (expected: 4e544c4d53535000, actual: 6e544c4d53535000)", message(sig));
        assertEquals(
                "CHALLENGE_MESSAGE MessageType (expected: 2, actual: 1)",
                message(Golden.load("negotiate-samba-accepted.hex")));
    }

    @Test
    void targetInfoPointingOutside() {
        byte[] b = SPEC.clone();
        b[44] = 0x50; // TargetInfoBufferOffset 80 with 36 bytes: ends at 116 of 104
        assertEquals("CHALLENGE_MESSAGE TargetInfo end (expected: at most 104, actual: 116)", message(b));
    }

    @Test
    void offsetBeyondFourGigabytes() {
        byte[] b = SPEC.clone();
        b[16] = b[17] = b[18] = b[19] = (byte) 0xff; // TargetNameBufferOffset 0xffffffff, unsigned
        assertEquals("CHALLENGE_MESSAGE TargetName end (expected: at most 104, actual: 4294967307)", message(b));
    }

    @Test
    void targetNameInsideTheFixedHeader() {
        byte[] b = SPEC.clone();
        b[16] = 8;
        assertEquals("CHALLENGE_MESSAGE TargetName offset (expected: at least 56, actual: 8)", message(b));
    }

    @Test
    void oddUnicodeTargetName() {
        byte[] b = SPEC.clone();
        b[12] = 11;
        assertEquals("CHALLENGE_MESSAGE TargetName UTF-16 length (expected: even, actual: 11)", message(b));
    }

    @Test
    void targetInfoWithoutEol() {
        byte[] b = SPEC.clone();
        b[40] = 32; // TargetInfoLen 32: the MsvAvEOL falls outside
        assertEquals("AV_PAIR list (expected: ends with MsvAvEOL, actual: 0 bytes left)", message(b));
    }

    private static String message(byte[] b) {
        return assertThrows(MalformedNtlmMessageException.class, () -> ChallengeMessage.decode(b))
                .getMessage();
    }
}
