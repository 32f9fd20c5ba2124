package org.cews.wcce.msnlmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Refusals of {@link NtlmPduProtection}, on a context established by a real handshake. */
class NtlmPduProtectionTest {

    private PduProtection client;
    private PduProtection server;

    @BeforeEach
    void establish() throws Exception {
        PduProtection[] sides = NtlmHandshakeTest.establish(Lab.client(Lab.ADMINISTRATOR), LabServer.server());
        client = sides[0];
        server = sides[1];
    }

    private FakePdu sealed(int callId) throws RpcSecurityException {
        // 40 stub bytes + 8 pad: stub at 24, sec_trailer at 72, verifier at 80, 96 bytes in all
        FakePdu pdu = FakePdu.request(callId, 40, callId);
        client.seal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        return pdu;
    }

    private String refused(FakePdu pdu) {
        return assertThrows(
                        RpcSecurityException.class, () -> server.unseal(pdu.bytes(), pdu.stubOffset(), pdu.length()))
                .getMessage();
    }

    private void accepted(FakePdu pdu) throws RpcSecurityException {
        server.unseal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        assertArrayEquals(pdu.plainStub(), pdu.stubNow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "frag_length, 8",
        "call_id, 12",
        "alloc_hint, 16",
        "opnum, 22",
        "stub, 29",
        "auth_pad (sealed), 70",
        "sec_trailer auth_pad_length, 74",
        "sec_trailer auth_context_id, 76",
        "checksum, 85"
    })
    void tamperedByte(String where, int offset) throws Exception {
        FakePdu pdu = sealed(1);
        pdu.bytes()[offset] ^= 0x01;
        assertEquals("NTLM checksum mismatch (sequence number 0)", refused(pdu));
    }

    @Test
    void tamperedSequenceNumber() throws Exception {
        FakePdu pdu = sealed(1);
        pdu.bytes()[pdu.verifierOffset() + 12] = 1;
        assertEquals("NTLM sequence number (expected: 0, actual: 1)", refused(pdu));
    }

    @Test
    void tamperedSignatureVersion() throws Exception {
        FakePdu pdu = sealed(1);
        pdu.bytes()[pdu.verifierOffset()] = 2;
        assertEquals("NTLM signature version (expected: 1, actual: 2)", refused(pdu));
    }

    @Test
    void afterAChecksumMismatchTheDirectionIsDead() throws Exception {
        FakePdu bad = sealed(1);
        FakePdu good = sealed(2);
        bad.bytes()[29] ^= 1;
        refused(bad);
        assertEquals("NTLM receive direction unusable after an earlier checksum mismatch", refused(good));
    }

    @Test
    void replayedPdu() throws Exception {
        FakePdu first = sealed(1);
        byte[] copy = first.bytes().clone();
        FakePdu second = sealed(2);
        accepted(first);
        FakePdu replay = new FakePdu(copy, first.stubOffset(), first.length(), first.plainStub());
        assertEquals("NTLM sequence number (expected: 1, actual: 0)", refused(replay));
        accepted(second); // refused before any keystream was used: the stream is still in step
    }

    @Test
    void outOfOrderPdu() throws Exception {
        FakePdu first = sealed(1);
        FakePdu second = sealed(2);
        assertEquals("NTLM sequence number (expected: 0, actual: 1)", refused(second));
        accepted(first);
        accepted(second);
    }

    @Test
    void aPduReflectedToItsSenderIsRefused() throws Exception {
        // Each direction has its own keys: the client cannot be fed its own request as a response.
        FakePdu pdu = sealed(1);
        assertThrows(RpcSecurityException.class, () -> client.unseal(pdu.bytes(), pdu.stubOffset(), pdu.length()));
    }

    /**
     * The receive path passes on any auth_length of at least 16 (a Kerberos sender chooses its EC);
     * NTLM's signature is exactly 16 bytes ([MS-NLMP] 2.2.2.9.1), so anything else is refused, and
     * the refusal consumes no sequence number.
     */
    @ParameterizedTest(name = "auth_length {0}")
    @CsvSource({"0", "8", "15", "17", "32", "60", "76"})
    void anAuthLengthOtherThanSixteenIsRefused(int authLength) throws Exception {
        FakePdu pdu = sealed(1);
        int verifier = pdu.verifierOffset();
        byte[] other = java.util.Arrays.copyOf(pdu.bytes(), verifier + authLength);
        LittleEndian.putU16(other, 8, other.length);
        LittleEndian.putU16(other, 10, authLength);
        RpcSecurityException e =
                assertThrows(RpcSecurityException.class, () -> server.unseal(other, pdu.stubOffset(), pdu.length()));
        assertEquals("auth_length (expected: 16, actual: " + authLength + ")", e.getMessage());
        accepted(pdu);
    }

    @Test
    void layoutMustEndWithTrailerAndVerifier() {
        FakePdu pdu = FakePdu.request(1, 16, 1); // 24 + 16 + 8 + 16 = 64 bytes
        assertEquals(
                "PDU layout: stub at 24, 8 bytes, sec_trailer, verifier (expected: PDU length 56, actual: 64)",
                assertThrows(RpcSecurityException.class, () -> client.seal(pdu.bytes(), 24, 8))
                        .getMessage());
        assertEquals(
                "PDU layout: stub at -4, 16 bytes, sec_trailer, verifier (expected: PDU length 36, actual: 64)",
                assertThrows(RpcSecurityException.class, () -> server.unseal(pdu.bytes(), -4, 16))
                        .getMessage());
        assertEquals(
                "PDU layout: stub at 24, 2147483647 bytes, sec_trailer, verifier (expected: PDU length 2147483695, "
                        + "actual: 64)",
                assertThrows(RpcSecurityException.class, () -> server.unseal(pdu.bytes(), 24, Integer.MAX_VALUE))
                        .getMessage());
    }
}
