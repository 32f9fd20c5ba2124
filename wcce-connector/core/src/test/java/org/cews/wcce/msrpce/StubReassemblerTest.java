package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fragments out of place, out of order or out of bounds are refused. */
class StubReassemblerTest {

    /** 5000 bytes at max 1432 with a 16-byte verifier: chunks of 1392, so four fragments. */
    private static List<byte[]> sealedRequest() throws Exception {
        return StubFragmenterTest.request(
                StubFragmenterTest.stub(5000), 1432, StubFragmenterTest.toy(16, true), Optional.empty());
    }

    private static Exception feed(StubReassembler r, List<byte[]> frames) {
        try {
            for (byte[] f : frames) {
                if (r.add(f)) {
                    return null;
                }
            }
            return null;
        } catch (PduException | RpcSecurityException e) {
            return e;
        }
    }

    private static StubReassembler sealedReceiver() {
        return StubReassembler.forRequest(1 << 20, StubFragmenterTest.toy(16, false));
    }

    @Test
    void inOrderReassembles() throws Exception {
        List<byte[]> frames = sealedRequest();
        assertEquals(4, frames.size());
        StubReassembler r = sealedReceiver();
        assertFalse(r.add(frames.get(0)));
        assertFalse(r.add(frames.get(1)));
        assertFalse(r.add(frames.get(2)));
        assertTrue(r.add(frames.get(3)));
        assertArrayEquals(StubFragmenterTest.stub(5000), r.stub());
        assertEquals(7, r.callId());
    }

    @Test
    void reorderedFragmentsAreDetected() throws Exception {
        List<byte[]> f = sealedRequest();
        Exception e = feed(sealedReceiver(), List.of(f.get(0), f.get(2), f.get(1), f.get(3)));
        assertEquals("sequence number (expected: 1, actual: 2)", e.getMessage());
    }

    @Test
    void droppedFragmentIsDetected() throws Exception {
        List<byte[]> f = sealedRequest();
        Exception e = feed(sealedReceiver(), List.of(f.get(0), f.get(1), f.get(3)));
        assertEquals("sequence number (expected: 2, actual: 3)", e.getMessage());
    }

    @Test
    void duplicatedFragmentIsDetected() throws Exception {
        List<byte[]> f = sealedRequest();
        Exception e = feed(sealedReceiver(), List.of(f.get(0), f.get(1), f.get(1), f.get(2), f.get(3)));
        assertEquals("sequence number (expected: 2, actual: 1)", e.getMessage());
    }

    @Test
    void droppedOrRepeatedFirstFragmentIsDetectedWithoutAuthentication() throws Exception {
        List<byte[]> f =
                StubFragmenterTest.request(StubFragmenterTest.stub(5000), 1432, Optional.empty(), Optional.empty());
        StubReassembler noFirst = StubReassembler.forRequest(1 << 20, Optional.empty());
        assertEquals(
                "pfc_flags (expected: FIRST_FRAG on the first fragment, actual: 0x00())",
                feed(noFirst, f.subList(1, f.size())).getMessage());
        StubReassembler twice = StubReassembler.forRequest(1 << 20, Optional.empty());
        assertEquals(
                "pfc_flags (expected: no FIRST_FRAG after the first, actual: 0x01(FIRST_FRAG))",
                feed(twice, List.of(f.get(0), f.get(0))).getMessage());
    }

    @Test
    void everyFragmentFlaggedFirstAndLastIsOneCallPerFragment() throws Exception {
        // Samba read such fragments as separate calls (docs/RPC-NTLM.md §3.3, fr_allFL); so do we:
        // the first completes the call on its own.
        List<byte[]> f =
                StubFragmenterTest.request(StubFragmenterTest.stub(200), 100, Optional.empty(), Optional.empty());
        byte[] first = f.get(0).clone();
        first[3] = 0x03;
        StubReassembler r = StubReassembler.forRequest(1 << 20, Optional.empty());
        assertTrue(r.add(first));
        assertEquals(76, r.stub().length);
    }

    @Test
    void callIdMustMatch() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        StubFragmenter.response(3, 0, new byte[10], 1432, Optional.empty(), frames::add);
        StubReassembler r = StubReassembler.forResponse(2, 1 << 20, Optional.empty());
        assertEquals("call_id (expected: 2, actual: 3)", feed(r, frames).getMessage());
    }

    @Test
    void laterFragmentsMustKeepCallIdOpnumAndContext() throws Exception {
        List<byte[]> a = new ArrayList<>();
        StubFragmenter.request(7, 0, 42, Optional.empty(), new byte[100], 100, Optional.empty(), a::add);
        List<byte[]> otherCall = new ArrayList<>();
        StubFragmenter.request(8, 0, 42, Optional.empty(), new byte[100], 100, Optional.empty(), otherCall::add);
        List<byte[]> otherOpnum = new ArrayList<>();
        StubFragmenter.request(7, 0, 43, Optional.empty(), new byte[100], 100, Optional.empty(), otherOpnum::add);
        List<byte[]> otherContext = new ArrayList<>();
        StubFragmenter.request(7, 1, 42, Optional.empty(), new byte[100], 100, Optional.empty(), otherContext::add);
        assertEquals(
                "call_id (expected: 7, actual: 8)",
                feed(StubReassembler.forRequest(1000, Optional.empty()), List.of(a.get(0), otherCall.get(1)))
                        .getMessage());
        assertEquals(
                "opnum (expected: 42, actual: 43)",
                feed(StubReassembler.forRequest(1000, Optional.empty()), List.of(a.get(0), otherOpnum.get(1)))
                        .getMessage());
        assertEquals(
                "p_cont_id (expected: 0, actual: 1)",
                feed(StubReassembler.forRequest(1000, Optional.empty()), List.of(a.get(0), otherContext.get(1)))
                        .getMessage());
    }

    @Test
    void responseWhereARequestIsExpected() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        StubFragmenter.response(3, 0, new byte[10], 1432, Optional.empty(), frames::add);
        assertEquals(
                "PTYPE (expected: request(0), actual: response(2))",
                feed(StubReassembler.forRequest(1000, Optional.empty()), frames).getMessage());
    }

    @Test
    void stubLimitStopsBufferingBeforeTheLastFragment() throws Exception {
        List<byte[]> frames = StubFragmenterTest.request(new byte[5000], 1432, Optional.empty(), Optional.empty());
        StubReassembler r = StubReassembler.forRequest(3000, Optional.empty());
        // 1408 per fragment: 1408, 2816, then 4224 > 3000.
        assertEquals(
                "reassembled stub (expected: at most 3000 bytes, actual: 4224)",
                feed(r, frames).getMessage());
    }

    @Test
    void authenticationMustMatchTheBinding() throws Exception {
        List<byte[]> sealed = sealedRequest();
        List<byte[]> plain = StubFragmenterTest.request(new byte[10], 1432, Optional.empty(), Optional.empty());
        assertEquals(
                "auth_length (expected: 0, actual: 16)",
                feed(StubReassembler.forRequest(1 << 20, Optional.empty()), sealed)
                        .getMessage());
        assertEquals(
                "auth_length (expected: 16, actual: 0)",
                feed(sealedReceiver(), plain).getMessage());
        // A different auth_length is the protection's to judge: this one wants exactly 76.
        assertEquals(
                "verifier length (expected: 76, actual: 16)",
                feed(StubReassembler.forRequest(1 << 20, StubFragmenterTest.toy(76, false)), sealed)
                        .getMessage());
        assertEquals(
                "auth_type (expected: 16, actual: 10)",
                feed(
                                StubReassembler.forRequest(
                                        1 << 20,
                                        Optional.of(new AuthBinding(AuthType.KERBEROS, 0, ToyProtection.acceptor(16)))),
                                sealed)
                        .getMessage());
        assertEquals(
                "auth_context_id (expected: 5, actual: 0)",
                feed(
                                StubReassembler.forRequest(
                                        1 << 20,
                                        Optional.of(new AuthBinding(AuthType.NTLM, 5, ToyProtection.acceptor(16)))),
                                sealed)
                        .getMessage());
        byte[] integrity = sealed.get(0).clone();
        integrity[integrity.length - 16 - 8 + 1] = 5; // auth_level pkt_integrity
        assertEquals(
                "auth_level (expected: pkt_privacy(6), actual: pkt_integrity(5))",
                feed(sealedReceiver(), List.of(integrity)).getMessage());
    }

    @Test
    void anAuthLengthOtherThanOursIsPassedToTheProtectionWhichMayAcceptIt() throws Exception {
        byte[] stub = StubFragmenterTest.stub(5000);
        // sent with 76-byte verifiers, received by a protection that seals with 16 but accepts any
        List<byte[]> frames =
                StubFragmenterTest.request(stub, 1432, StubFragmenterTest.toy(76, true), Optional.empty());
        StubReassembler r = StubReassembler.forRequest(
                1 << 20,
                Optional.of(new AuthBinding(
                        AuthType.NTLM, 0, ToyProtection.acceptor(16).anyLength())));
        assertEquals(null, feed(r, frames));
        assertTrue(r.isComplete());
        assertArrayEquals(stub, r.stub());
    }

    @Test
    void anAuthLengthBelowSixteenIsRefusedBeforeTheProtection() throws Exception {
        // 8 bytes of stub + 8 pad + sec_trailer + an 8-byte verifier, built by hand
        Pdu request = new RequestPdu(
                7,
                PfcFlags.FIRST_AND_LAST,
                8,
                0,
                1,
                Optional.empty(),
                new byte[8],
                Optional.of(new AuthVerifier(AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, new byte[8], new byte[8])));
        byte[] frame = PduEncoder.encode(request);
        StubReassembler r = StubReassembler.forRequest(
                1 << 20,
                Optional.of(new AuthBinding(
                        AuthType.NTLM, 0, ToyProtection.acceptor(16).anyLength())));
        assertEquals(
                "auth_length (expected: at least 16, actual: 8)",
                feed(r, List.of(frame)).getMessage());
    }

    @Test
    void tamperedStubOrHeaderFailsTheChecksum() throws Exception {
        byte[] stubByte = sealedRequest().get(0);
        stubByte[100] ^= 1;
        assertEquals(
                "checksum (expected: valid, actual: invalid)",
                feed(sealedReceiver(), List.of(stubByte)).getMessage());
        byte[] allocHint = sealedRequest().get(0);
        allocHint[16] ^= 1; // the MAC covers the headers too, as NTLM's does
        assertEquals(
                "checksum (expected: valid, actual: invalid)",
                feed(sealedReceiver(), List.of(allocHint)).getMessage());
    }

    @Test
    void addingAfterTheLastFragmentIsAProgrammingError() throws Exception {
        List<byte[]> frames = StubFragmenterTest.request(new byte[10], 1432, Optional.empty(), Optional.empty());
        StubReassembler r = StubReassembler.forRequest(1000, Optional.empty());
        assertTrue(r.add(frames.get(0)));
        assertThrows(IllegalStateException.class, () -> r.add(frames.get(0)));
    }
}
