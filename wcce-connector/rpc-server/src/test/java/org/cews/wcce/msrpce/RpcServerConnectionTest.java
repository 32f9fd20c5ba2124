package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server against a hand-driven client: the association state machine and its refusals. */
class RpcServerConnectionTest {

    private static final SyntaxId NDR64 = new SyntaxId(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1, 0);
    private static final SyntaxId UNKNOWN = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-0123456789ab"), 1, 0);

    private static void send(ServerHarness h, Pdu pdu) throws Exception {
        h.pipe.client.write(PduEncoder.encode(pdu));
    }

    private static Pdu receive(ServerHarness h) throws Exception {
        return PduDecoder.decode(FrameReader.read(h.pipe.client, 0xFFFF));
    }

    private static BindPdu bind(int maxXmit, int maxRecv, int assocGroup, List<PresentationContext> contexts) {
        return new BindPdu(1, PfcFlags.FIRST_AND_LAST, maxXmit, maxRecv, assocGroup, contexts, Optional.empty());
    }

    private static BindPdu bindEpm() {
        return bind(5840, 5840, 0, List.of(PresentationContext.ndr20(0, ServerHarness.EPM)));
    }

    private static RequestPdu request(int callId, int contextId, byte[] stub) {
        return new RequestPdu(
                callId, PfcFlags.FIRST_AND_LAST, stub.length, contextId, 0, Optional.empty(), stub, Optional.empty());
    }

    /** Bind, CHALLENGE, auth3 by hand with the fake NTLM-like tokens; returns nothing, the server is ready. */
    private static void bindSealed(ServerHarness h) throws Exception {
        send(
                h,
                new BindPdu(
                        1,
                        PfcFlags.FIRST_AND_LAST,
                        5840,
                        5840,
                        0,
                        List.of(PresentationContext.ndr20(0, ServerHarness.ICPR)),
                        Optional.of(AuthVerifier.token(
                                AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, FakeSecurity.ascii("HELLO")))));
        BindAckPdu ack = (BindAckPdu) receive(h);
        assertEquals(
                "CHALLENGE", new String(ack.auth().orElseThrow().value(), java.nio.charset.StandardCharsets.US_ASCII));
        send(
                h,
                new Auth3Pdu(
                        1,
                        PfcFlags.FIRST_AND_LAST,
                        AuthVerifier.token(
                                AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, FakeSecurity.ascii("PROOF:alice:secret"))));
    }

    private static void sendSealed(ServerHarness h, AuthBinding auth, byte[] stub) throws Exception {
        StubFragmenter.request(2, 0, 0, Optional.empty(), stub, 5840, Optional.of(auth), h.pipe.client::write);
    }

    private static FaultPdu expectFault(ServerHarness h, FaultStatus status, String outcome) throws Exception {
        FaultPdu fault = assertInstanceOf(FaultPdu.class, receive(h));
        assertEquals(status, fault.status());
        assertEquals(outcome, h.outcome().getMessage());
        assertThrows(EOFException.class, () -> FrameReader.read(h.pipe.client, 0xFFFF), "connection closed");
        return fault;
    }

    @Test
    void bindNegotiatesEachContextFragmentSizesAndAssociationGroup() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(
                    h,
                    new BindPdu(
                            1,
                            PfcFlags.of(PfcFlag.FIRST_FRAG, PfcFlag.LAST_FRAG, PfcFlag.SUPPORT_HEADER_SIGN),
                            65535,
                            65535,
                            0,
                            List.of(
                                    PresentationContext.ndr20(0, ServerHarness.ICPR),
                                    new PresentationContext(1, ServerHarness.EPM, List.of(NDR64)),
                                    PresentationContext.ndr20(2, UNKNOWN),
                                    new PresentationContext(3, ServerHarness.EPM, List.of(NDR64, SyntaxId.NDR20))),
                            Optional.empty()));
            BindAckPdu ack = assertInstanceOf(BindAckPdu.class, receive(h));
            assertEquals(
                    List.of(
                            PresentationResult.accept(SyntaxId.NDR20),
                            PresentationResult.providerRejection(
                                    PresentationResult.Reason.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED),
                            PresentationResult.providerRejection(
                                    PresentationResult.Reason.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                            PresentationResult.accept(SyntaxId.NDR20)),
                    ack.results());
            assertEquals(5840, ack.maxXmitFrag());
            assertEquals(5840, ack.maxRecvFrag());
            assertNotEquals(0, ack.assocGroupId());
            assertEquals("135", ack.secondaryAddress());
            assertEquals(PfcFlags.FIRST_AND_LAST, ack.flags(), "header signing is not offered back");
        }
    }

    @Test
    void smallFragmentsAreRaisedToMustRecvFragSizeAndAGroupIsEchoed() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, bind(1024, 1024, 0x4242, List.of(PresentationContext.ndr20(0, ServerHarness.EPM))));
            BindAckPdu ack = (BindAckPdu) receive(h);
            assertEquals(1432, ack.maxXmitFrag());
            assertEquals(1432, ack.maxRecvFrag());
            assertEquals(0x4242, ack.assocGroupId());
        }
    }

    @Test
    void requestBeforeBind() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, request(4, 0, new byte[4]));
            FaultPdu fault = expectFault(
                    h,
                    FaultStatus.PROTO_ERROR,
                    "first PDU (expected: bind, actual: request(0)): fault nca_s_proto_error(0x1c01000b)");
            assertEquals(4, fault.callId());
            assertTrue(fault.flags().has(PfcFlag.DID_NOT_EXECUTE));
        }
    }

    @Test
    void secondBind() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, bindEpm());
            receive(h);
            send(h, bindEpm());
            expectFault(
                    h,
                    FaultStatus.PROTO_ERROR,
                    "bind (expected: once per connection, actual: again): fault nca_s_proto_error(0x1c01000b)");
        }
    }

    @Test
    void auth3WithoutSecurityContext() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, bindEpm());
            receive(h);
            send(
                    h,
                    new Auth3Pdu(
                            1,
                            PfcFlags.FIRST_AND_LAST,
                            AuthVerifier.token(AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, new byte[1])));
            expectFault(
                    h,
                    FaultStatus.PROTO_ERROR,
                    "auth3 (expected: after an authenticated bind, actual: none): fault nca_s_proto_error(0x1c01000b)");
        }
    }

    @Test
    void alterContextAddsAnInterfaceAndUnknownContextsFault() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, bindEpm());
            BindAckPdu ack = (BindAckPdu) receive(h);
            send(
                    h,
                    new AlterContextPdu(
                            2,
                            PfcFlags.FIRST_AND_LAST,
                            5840,
                            5840,
                            ack.assocGroupId(),
                            List.of(new PresentationContext(1, ServerHarness.EPM, List.of(SyntaxId.NDR20))),
                            Optional.empty()));
            AlterContextRespPdu resp = assertInstanceOf(AlterContextRespPdu.class, receive(h));
            assertEquals(List.of(PresentationResult.accept(SyntaxId.NDR20)), resp.results());
            assertEquals(ack.assocGroupId(), resp.assocGroupId());
            assertTrue(resp.auth().isEmpty());
            send(h, request(3, 1, FakeSecurity.ascii("ab")));
            ResponsePdu response = assertInstanceOf(ResponsePdu.class, receive(h));
            assertEquals("anonymous|ba", new String(response.stub(), java.nio.charset.StandardCharsets.US_ASCII));
            send(h, request(4, 7, new byte[1]));
            expectFault(
                    h,
                    FaultStatus.UNK_IF,
                    "p_cont_id (expected: one of [0, 1], actual: 7): fault nca_s_unk_if(0x1c010003)");
        }
    }

    @Test
    void fragmentAboveTheNegotiatedMaxRecvDropsTheConnection() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, bind(1432, 5840, 0, List.of(PresentationContext.ndr20(0, ServerHarness.EPM))));
            receive(h);
            send(h, request(2, 0, new byte[2000]));
            assertInstanceOf(PduException.class, h.outcome());
            assertEquals(
                    "frag_length (expected: at most 1432, actual: 2024)",
                    h.outcome().getMessage());
            assertThrows(EOFException.class, () -> FrameReader.read(h.pipe.client, 0xFFFF), "no fault, just closed");
        }
    }

    @Test
    void cancelAndOrphanedAreIgnored() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, bindEpm());
            receive(h);
            h.pipe.client.write(Golden.hex("05001203 10000000 1000 0000 02000000"));
            h.pipe.client.write(Golden.hex("05001303 10000000 1000 0000 02000000"));
            send(h, request(3, 0, new byte[] {1}));
            assertEquals(3, assertInstanceOf(ResponsePdu.class, receive(h)).callId());
        }
    }

    @Test
    void handlerFaultKeepsTheConnection() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(h, bindEpm());
            receive(h);
            send(
                    h,
                    new RequestPdu(
                            2, PfcFlags.FIRST_AND_LAST, 0, 0, 77, Optional.empty(), new byte[0], Optional.empty()));
            FaultPdu fault = assertInstanceOf(FaultPdu.class, receive(h));
            assertEquals(FaultStatus.OP_RNG_ERROR, fault.status());
            assertEquals(PfcFlags.FIRST_AND_LAST, fault.flags());
            send(h, request(3, 0, new byte[] {1}));
            assertEquals(3, assertInstanceOf(ResponsePdu.class, receive(h)).callId());
        }
    }

    @Test
    void sealedRequestIsUnsealedAndAnsweredSealed() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            bindSealed(h);
            AuthBinding client = new AuthBinding(AuthType.NTLM, 0, ToyProtection.initiator(16));
            sendSealed(h, client, FakeSecurity.ascii("xy"));
            List<byte[]> frames = new ArrayList<>();
            frames.add(FrameReader.read(h.pipe.client, 0xFFFF));
            StubReassembler r = StubReassembler.forResponse(2, 1 << 20, Optional.of(client));
            assertTrue(r.add(frames.get(0)));
            assertEquals("LAB\\alice|yx", new String(r.stub(), java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void sealedRequestWithAnotherAuthContextId() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            bindSealed(h);
            sendSealed(h, new AuthBinding(AuthType.NTLM, 5, ToyProtection.initiator(16)), new byte[3]);
            expectFault(
                    h,
                    FaultStatus.ACCESS_DENIED,
                    "request auth_type/auth_context_id (expected: 10/0, actual: 10/5): fault access_denied(0x00000005)");
        }
    }

    @Test
    void requestBelowPrivacy() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            bindSealed(h);
            List<byte[]> frames = new ArrayList<>();
            StubFragmenter.request(
                    2,
                    0,
                    0,
                    Optional.empty(),
                    new byte[3],
                    5840,
                    Optional.of(new AuthBinding(AuthType.NTLM, 0, ToyProtection.initiator(16))),
                    frames::add);
            byte[] integrity = frames.get(0);
            integrity[integrity.length - 16 - 8 + 1] = 5;
            h.pipe.client.write(integrity);
            expectFault(
                    h,
                    FaultStatus.ACCESS_DENIED,
                    "request auth_level (expected: pkt_privacy(6), actual: pkt_integrity(5)): fault"
                            + " access_denied(0x00000005)");
        }
    }

    @Test
    void auth3ForAnotherAuthContext() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            send(
                    h,
                    new BindPdu(
                            1,
                            PfcFlags.FIRST_AND_LAST,
                            5840,
                            5840,
                            0,
                            List.of(PresentationContext.ndr20(0, ServerHarness.ICPR)),
                            Optional.of(AuthVerifier.token(
                                    AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, FakeSecurity.ascii("HELLO")))));
            receive(h);
            send(
                    h,
                    new Auth3Pdu(
                            1,
                            PfcFlags.FIRST_AND_LAST,
                            AuthVerifier.token(
                                    AuthType.NTLM, AuthLevel.PKT_PRIVACY, 3, FakeSecurity.ascii("PROOF:a:secret"))));
            expectFault(
                    h,
                    FaultStatus.PROTO_ERROR,
                    "auth3 auth_type/auth_context_id (expected: 10/0, actual: 10/3): fault nca_s_proto_error(0x1c01000b)");
        }
    }

    @Test
    void alterContextLegAfterTheContextIsEstablished() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            bindSealed(h);
            send(
                    h,
                    new AlterContextPdu(
                            1,
                            PfcFlags.FIRST_AND_LAST,
                            5840,
                            5840,
                            0,
                            List.of(PresentationContext.ndr20(0, ServerHarness.ICPR)),
                            Optional.of(AuthVerifier.token(
                                    AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, FakeSecurity.ascii("HELLO")))));
            expectFault(
                    h,
                    FaultStatus.PROTO_ERROR,
                    "alter_context (expected: an unfinished security context, actual: established): fault"
                            + " nca_s_proto_error(0x1c01000b)");
        }
    }

    @Test
    void malformedBindIsAProtocolError() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            byte[] bind = Golden.load("bind-ntlm-samr.hex");
            bind[24] = 2; // n_context_elem beyond the body
            h.pipe.client.write(bind);
            expectFault(
                    h,
                    FaultStatus.PROTO_ERROR,
                    "p_cont_id (expected: 2 bytes, actual: 0): fault nca_s_proto_error(0x1c01000b)");
        }
    }
}
