package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A client association and a server connection talking in memory, each on its own thread. */
class RpcAssociationTest {

    private static final RpcLimits SMALL = new RpcLimits(1432, 1432, 4 << 20);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<PacketType> types(List<byte[]> frames) throws PduException {
        List<PacketType> types = new java.util.ArrayList<>();
        for (byte[] f : frames) {
            types.add(CommonHeader.decode(f).type());
        }
        return types;
    }

    private static List<Integer> callIds(List<byte[]> frames) {
        return frames.stream().map(f -> WireReader.getU32(f, 12)).toList();
    }

    @Test
    void threeLegsWithAuth3ThenSealedCalls() throws Exception {
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a = RpcClientAssociation.bind(
                        h.pipe.client,
                        ServerHarness.ICPR,
                        FakeSecurity.Client.ntlmLike("alice", "secret"),
                        RpcLimits.DEFAULT)) {
            assertEquals("LAB\\alice|cba", new String(a.call(0, ascii("abc")), StandardCharsets.US_ASCII));
            assertEquals("LAB\\alice|", new String(a.call(0, new byte[0]), StandardCharsets.US_ASCII));
            assertTrue(a.isAuthenticated());
            assertEquals(5840, a.maxXmitFrag());
            assertEquals(0x1001, a.assocGroupId());
            List<byte[]> sent = h.pipe.client.written;
            assertEquals(
                    List.of(PacketType.BIND, PacketType.AUTH3, PacketType.REQUEST, PacketType.REQUEST), types(sent));
            assertEquals(List.of(1, 1, 2, 3), callIds(sent));
            assertEquals(
                    List.of(PacketType.BIND_ACK, PacketType.RESPONSE, PacketType.RESPONSE),
                    types(h.pipe.server.written));
            BindPdu bind = (BindPdu) PduDecoder.decode(sent.get(0));
            assertEquals(
                    new SecTrailer(AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, 0),
                    bind.auth().get().trailer());
            assertEquals(List.of(PresentationContext.ndr20(0, ServerHarness.ICPR)), bind.contexts());
            // The stub is sealed on the wire: "abc" does not appear in the request.
            RequestPdu request = (RequestPdu) PduDecoder.decode(sent.get(2));
            assertFalse(new String(request.stub(), StandardCharsets.ISO_8859_1).contains("abc"));
            assertEquals(13, request.auth().get().pad().length);
        }
    }

    @Test
    void fourLegsWithAlterContextThenSealedCalls() throws Exception {
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a = RpcClientAssociation.bind(
                        h.pipe.client,
                        ServerHarness.ICPR,
                        FakeSecurity.Client.spnegoLike("bob", "secret"),
                        RpcLimits.DEFAULT)) {
            assertEquals("LAB\\bob|zyx", new String(a.call(0, ascii("xyz")), StandardCharsets.US_ASCII));
            assertEquals(
                    List.of(PacketType.BIND, PacketType.ALTER_CONTEXT, PacketType.REQUEST),
                    types(h.pipe.client.written));
            assertEquals(
                    List.of(PacketType.BIND_ACK, PacketType.ALTER_CONTEXT_RESP, PacketType.RESPONSE),
                    types(h.pipe.server.written));
            AlterContextPdu alter = (AlterContextPdu) PduDecoder.decode(h.pipe.client.written.get(1));
            assertEquals(a.assocGroupId(), alter.assocGroupId());
            assertEquals(AuthType.SPNEGO, alter.auth().get().authType());
            AlterContextRespPdu resp = (AlterContextRespPdu) PduDecoder.decode(h.pipe.server.written.get(1));
            assertEquals("DONE", new String(resp.auth().get().value(), StandardCharsets.US_ASCII));
            assertEquals(76, CommonHeader.decode(h.pipe.server.written.get(2)).authLength());
        }
    }

    @Test
    void multiFragmentCallsInBothDirectionsHonourEachSidesMaxRecv() throws Exception {
        byte[] big = new byte[10_000];
        new Random(1).nextBytes(big);
        WireWriter.putU32(big, 0, 20_000);
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a = RpcClientAssociation.bind(
                        h.pipe.client, ServerHarness.ICPR, FakeSecurity.Client.spnegoLike("bob", "secret"), SMALL)) {
            assertArrayEquals(ServerHarness.pattern(20_000), a.call(1, big));
            byte[] echoed = a.call(0, big);
            assertEquals(10_000 + "LAB\\bob|".length(), echoed.length);
            assertEquals(big[0], echoed[echoed.length - 1]);
            List<byte[]> requests = h.pipe.client.written.subList(2, h.pipe.client.written.size());
            List<byte[]> responses = h.pipe.server.written.subList(2, h.pipe.server.written.size());
            assertTrue(requests.size() >= 16, "request fragments: " + requests.size());
            assertTrue(responses.size() >= 24, "response fragments: " + responses.size());
            assertTrue(requests.stream().allMatch(f -> f.length <= 1432));
            assertTrue(responses.stream().allMatch(f -> f.length <= 1432));
        }
    }

    @Test
    void largeUnauthenticatedCallOnTheEndpointMapper() throws Exception {
        byte[] stub = new byte[7000];
        WireWriter.putU32(stub, 0, 9000);
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a =
                        RpcClientAssociation.bindUnauthenticated(h.pipe.client, ServerHarness.EPM, SMALL)) {
            assertArrayEquals(ServerHarness.pattern(9000), a.call(1, stub));
            assertEquals("anonymous|cba", new String(a.call(0, ascii("abc")), StandardCharsets.US_ASCII));
            assertFalse(a.isAuthenticated());
            assertTrue(h.pipe.client.written.stream().allMatch(f -> WireReader.getU16(f, 10) == 0));
            assertTrue(h.pipe.server.written.stream().allMatch(f -> WireReader.getU16(f, 10) == 0));
            assertTrue(h.pipe.server.written.size() > 7);
        }
    }

    @Test
    void objectUuidReachesTheHandler() throws Exception {
        UUID object = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a =
                        RpcClientAssociation.bindUnauthenticated(h.pipe.client, ServerHarness.EPM, RpcLimits.DEFAULT)) {
            a.call(0, java.util.Optional.of(object), ascii("x"));
            RequestPdu request = (RequestPdu) PduDecoder.decode(h.pipe.client.written.get(1));
            assertEquals(java.util.Optional.of(object), request.object());
        }
    }

    @Test
    void handlerFaultLeavesTheAssociationUsable() throws Exception {
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a = RpcClientAssociation.bind(
                        h.pipe.client,
                        ServerHarness.ICPR,
                        FakeSecurity.Client.ntlmLike("alice", "secret"),
                        RpcLimits.DEFAULT)) {
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> a.call(9, ascii("?")));
            assertEquals(FaultStatus.OP_RNG_ERROR, e.status());
            assertEquals(
                    "opnum 9 (call_id 2) failed with fault nca_s_op_rng_error(0x1c010002) (unverified: a fault carries"
                            + " no checked signature)",
                    e.getMessage());
            assertTrue(e.unverified(), "a fault on a sealed association proves nothing");
            // Sequence numbers stayed in step: the next sealed call works.
            assertEquals("LAB\\alice|ba", new String(a.call(0, ascii("ab")), StandardCharsets.US_ASCII));
            assertEquals(List.of(1, 1, 2, 3), callIds(h.pipe.client.written));
        }
    }

    @Test
    void unknownAuthTypeIsRefusedWithBindNak() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            FakeSecurity.Client kerberos = new FakeSecurity.Client(
                    AuthType.KERBEROS, ClientSecurityContext.ThirdLeg.AUTH3, "alice", "secret", 76);
            BindRejectedException e = assertThrows(
                    BindRejectedException.class,
                    () -> RpcClientAssociation.bind(h.pipe.client, ServerHarness.ICPR, kerberos, RpcLimits.DEFAULT));
            assertEquals(
                    "bind (expected: bind_ack, actual: bind_nak, reason authentication_type_not_recognized(8))",
                    e.getMessage());
            assertTrue(h.pipe.client.closed, "a failed bind closes the channel");
            assertInstanceOf(BindRejectedException.class, h.outcome());
            assertEquals(
                    "bind auth_type (expected: one the server supports, actual: 16): bind_nak"
                            + " authentication_type_not_recognized(8)",
                    h.outcome().getMessage());
        }
    }

    @Test
    void badFirstTokenIsRefusedWithBindNak() throws Exception {
        ClientSecurityContext garbage =
                new FakeSecurity.Client(
                        FakeSecurity.TYPE, ClientSecurityContext.ThirdLeg.AUTH3, "alice", "secret", 16) {
                    @Override
                    public byte[] initialToken() {
                        return ascii("GARBAGE");
                    }
                };
        try (ServerHarness h = new ServerHarness()) {
            BindRejectedException e = assertThrows(
                    BindRejectedException.class,
                    () -> RpcClientAssociation.bind(h.pipe.client, ServerHarness.ICPR, garbage, RpcLimits.DEFAULT));
            assertTrue(e.getMessage().endsWith("reason invalid_checksum(9))"), e.getMessage());
        }
    }

    @Test
    void unknownInterfaceIsRefusedWithAProviderRejection() throws Exception {
        SyntaxId unknown = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-0123456789ab"), 1, 0);
        try (ServerHarness h = new ServerHarness()) {
            BindRejectedException e = assertThrows(
                    BindRejectedException.class,
                    () -> RpcClientAssociation.bindUnauthenticated(h.pipe.client, unknown, RpcLimits.DEFAULT));
            assertEquals(
                    "presentation context for 12345678-1234-abcd-ef00-0123456789ab (expected: acceptance, actual:"
                            + " provider_rejection(2), reason abstract_syntax_not_supported(1))",
                    e.getMessage());
        }
    }

    @Test
    void unauthenticatedCallToAnAuthenticatedInterfaceIsRefusedAndTheConnectionClosed() throws Exception {
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a = RpcClientAssociation.bindUnauthenticated(
                        h.pipe.client, ServerHarness.ICPR, RpcLimits.DEFAULT)) {
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> a.call(0, ascii("abc")));
            assertEquals(FaultStatus.ACCESS_DENIED, e.status());
            assertEquals(
                    "request auth_level (expected: pkt_privacy(6), actual: none): fault access_denied(0x00000005)",
                    h.outcome().getMessage());
            FaultPdu fault = (FaultPdu) PduDecoder.decode(h.pipe.server.written.get(1));
            assertTrue(fault.flags().has(PfcFlag.DID_NOT_EXECUTE));
            assertThrows(IOException.class, () -> a.call(0, ascii("abc")));
        }
    }

    @Test
    void failedAuth3ShowsOnTheFirstRequest() throws Exception {
        try (ServerHarness h = new ServerHarness();
                RpcClientAssociation a = RpcClientAssociation.bind(
                        h.pipe.client,
                        ServerHarness.ICPR,
                        FakeSecurity.Client.ntlmLike("alice", "wrong"),
                        RpcLimits.DEFAULT)) {
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> a.call(0, ascii("abc")));
            assertEquals(FaultStatus.ACCESS_DENIED, e.status());
            assertEquals(
                    "security context (expected: established, actual: logon of alice (expected: right password,"
                            + " actual: wrong)): fault access_denied(0x00000005)",
                    h.outcome().getMessage());
        }
    }

    @Test
    void tamperedRequestGetsSecPkgError() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            RpcByteChannel tampering = new RpcByteChannel() {
                private int writes;

                @Override
                public void write(byte[] bytes) throws IOException {
                    if (++writes == 3) {
                        bytes = bytes.clone();
                        bytes[26] ^= 0x40; // a sealed stub byte of the first request
                    }
                    h.pipe.client.write(bytes);
                }

                @Override
                public void readFully(byte[] buffer) throws IOException {
                    h.pipe.client.readFully(buffer);
                }

                @Override
                public void close() {
                    h.pipe.client.close();
                }
            };
            RpcClientAssociation a = RpcClientAssociation.bind(
                    tampering, ServerHarness.ICPR, FakeSecurity.Client.ntlmLike("alice", "secret"), RpcLimits.DEFAULT);
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> a.call(0, ascii("abcdef")));
            assertEquals(FaultStatus.SEC_PKG_ERROR, e.status());
            assertEquals(
                    "checksum (expected: valid, actual: invalid): fault rpc_s_sec_pkg_error(0x00000721)",
                    h.outcome().getMessage());
        }
    }

    @Test
    void requestStubBeyondTheServersLimitIsRefused() throws Exception {
        try (ServerHarness h = new ServerHarness(new RpcLimits(5840, 5840, 8000));
                RpcClientAssociation a = RpcClientAssociation.bind(
                        h.pipe.client,
                        ServerHarness.ICPR,
                        FakeSecurity.Client.ntlmLike("alice", "secret"),
                        RpcLimits.DEFAULT)) {
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> a.call(0, new byte[20_000]));
            assertEquals(FaultStatus.PROTO_ERROR, e.status());
            assertEquals(
                    "reassembled stub (expected: at most 8000 bytes, actual: 11584): fault"
                            + " nca_s_proto_error(0x1c01000b)",
                    h.outcome().getMessage());
        }
    }

    @Test
    void clientCloseEndsTheServerNormally() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            RpcClientAssociation a =
                    RpcClientAssociation.bindUnauthenticated(h.pipe.client, ServerHarness.EPM, RpcLimits.DEFAULT);
            a.call(0, ascii("a"));
            a.close();
            assertNull(h.outcome());
            RpcException e = assertThrows(RpcException.class, () -> a.call(0, ascii("a")));
            assertEquals("association (expected: usable, actual: broken by an earlier failure)", e.getMessage());
        }
    }
}
