package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted server: what it sends, and which answers it refuses. */
class RpcClientAssociationTest {

    private static final SyntaxId NDR64 = new SyntaxId(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1, 0);

    private final MemoryPipe pipe = new MemoryPipe();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private <T> Future<T> client(Callable<T> work) {
        return executor.submit(work);
    }

    private Future<RpcClientAssociation> bindUnauthenticated(RpcLimits limits) {
        return client(() -> RpcClientAssociation.bindUnauthenticated(pipe.client, ServerHarness.EPM, limits));
    }

    private byte[] receive() throws Exception {
        return FrameReader.read(pipe.server, 0xFFFF);
    }

    private void send(Pdu pdu) throws Exception {
        pipe.server.write(PduEncoder.encode(pdu));
    }

    private static BindAckPdu ack(int callId, int maxRecv, PresentationResult result, Optional<AuthVerifier> auth) {
        return new BindAckPdu(callId, PfcFlags.FIRST_AND_LAST, 5840, maxRecv, 0x77, "135", List.of(result), auth);
    }

    private static BindAckPdu ack() {
        return ack(1, 5840, PresentationResult.accept(SyntaxId.NDR20), Optional.empty());
    }

    private static Throwable failure(Future<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void bindIsByteForByteTheGoldenBind() throws Exception {
        byte[] golden = Golden.load("bind-ntlm-samr.hex");
        byte[] negotiate = java.util.Arrays.copyOfRange(golden, 80, 120);
        FakeSecurity.Client ntlm =
                new FakeSecurity.Client(AuthType.NTLM, ClientSecurityContext.ThirdLeg.AUTH3, "alice", "secret", 16) {
                    @Override
                    public byte[] initialToken() {
                        return negotiate;
                    }
                };
        Future<RpcClientAssociation> bind =
                client(() -> RpcClientAssociation.bind(pipe.client, PduGoldenTest.SAMR, ntlm, RpcLimits.DEFAULT));
        assertEquals(Golden.hex(golden), Golden.hex(receive()));
        send(new BindNakPdu(1, PfcFlags.FIRST_AND_LAST, BindNakReason.NOT_SPECIFIED, BindNakPdu.V5_0));
        assertEquals(
                "bind (expected: bind_ack, actual: bind_nak, reason reason_not_specified(0))",
                failure(bind).getMessage());
    }

    @Test
    void bindAckForAnotherCall() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(RpcLimits.DEFAULT);
        receive();
        send(ack(9, 5840, PresentationResult.accept(SyntaxId.NDR20), Optional.empty()));
        assertEquals("call_id (expected: 1, actual: 9)", failure(bind).getMessage());
        assertTrue(pipe.client.closed);
    }

    @Test
    void bindAckBelowMustRecvFragSize() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(RpcLimits.DEFAULT);
        receive();
        send(ack(1, 1024, PresentationResult.accept(SyntaxId.NDR20), Optional.empty()));
        assertEquals(
                "bind_ack max_recv_frag (expected: at least 1432, actual: 1024)",
                failure(bind).getMessage());
    }

    @Test
    void bindAnsweredByFault() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(RpcLimits.DEFAULT);
        receive();
        send(FaultPdu.of(1, 0, FaultStatus.PROTO_ERROR));
        RpcFaultException e = assertInstanceOf(RpcFaultException.class, failure(bind));
        assertEquals(FaultStatus.PROTO_ERROR, e.status());
        assertEquals("association setup answered by fault nca_s_proto_error(0x1c01000b)", e.getMessage());
    }

    @Test
    void bindAckAcceptingAnotherTransferSyntax() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(RpcLimits.DEFAULT);
        receive();
        send(ack(1, 5840, PresentationResult.accept(NDR64), Optional.empty()));
        assertTrue(failure(bind).getMessage().startsWith("transfer_syntax (expected: "));
    }

    @Test
    void clientSendsNoMoreThanTheServersMaxRecv() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(RpcLimits.DEFAULT);
        receive();
        send(ack(1, 2048, PresentationResult.accept(SyntaxId.NDR20), Optional.empty()));
        RpcClientAssociation a = bind.get(10, TimeUnit.SECONDS);
        assertEquals(2048, a.maxXmitFrag());
        Future<byte[]> call = client(() -> a.call(4, new byte[5000]));
        List<Integer> lengths = new ArrayList<>();
        byte[] frame;
        do {
            frame = receive();
            lengths.add(frame.length);
        } while ((frame[3] & 0x02) == 0);
        assertEquals(List.of(2048, 2048, 24 + 5000 - 2 * 2024), lengths);
        send(new ResponsePdu(2, PfcFlags.FIRST_AND_LAST, 1, 0, 0, new byte[] {9}, Optional.empty()));
        assertEquals("09", Golden.hex(call.get(10, TimeUnit.SECONDS)));
    }

    @Test
    void responseLargerThanOurMaxRecvBreaksTheAssociation() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(new RpcLimits(5840, 1432, 1 << 20));
        receive();
        send(ack());
        RpcClientAssociation a = bind.get(10, TimeUnit.SECONDS);
        Future<byte[]> call = client(() -> a.call(0, new byte[1]));
        receive();
        send(new ResponsePdu(2, PfcFlags.FIRST_AND_LAST, 1976, 0, 0, new byte[1976], Optional.empty()));
        assertEquals(
                "frag_length (expected: at most 1432, actual: 2000)",
                failure(call).getMessage());
        Future<byte[]> again = client(() -> a.call(0, new byte[1]));
        assertEquals(
                "association (expected: usable, actual: broken by an earlier failure)",
                failure(again).getMessage());
    }

    @Test
    void responseOrFaultForAnotherCall() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(RpcLimits.DEFAULT);
        receive();
        send(ack());
        RpcClientAssociation a = bind.get(10, TimeUnit.SECONDS);
        Future<byte[]> call = client(() -> a.call(0, new byte[1]));
        receive();
        send(new ResponsePdu(5, PfcFlags.FIRST_AND_LAST, 1, 0, 0, new byte[1], Optional.empty()));
        assertEquals("call_id (expected: 2, actual: 5)", failure(call).getMessage());

        MemoryPipe other = new MemoryPipe();
        Future<RpcClientAssociation> bind2 = client(
                () -> RpcClientAssociation.bindUnauthenticated(other.client, ServerHarness.EPM, RpcLimits.DEFAULT));
        FrameReader.read(other.server, 0xFFFF);
        other.server.write(PduEncoder.encode(ack()));
        RpcClientAssociation b = bind2.get(10, TimeUnit.SECONDS);
        Future<byte[]> call2 = client(() -> b.call(0, new byte[1]));
        FrameReader.read(other.server, 0xFFFF);
        other.server.write(PduEncoder.encode(FaultPdu.of(5, 0, FaultStatus.ACCESS_DENIED)));
        assertEquals("fault call_id (expected: 2, actual: 5)", failure(call2).getMessage());
    }

    @Test
    void shutdownWhereAResponseIsExpected() throws Exception {
        Future<RpcClientAssociation> bind = bindUnauthenticated(RpcLimits.DEFAULT);
        receive();
        send(ack());
        RpcClientAssociation a = bind.get(10, TimeUnit.SECONDS);
        Future<byte[]> call = client(() -> a.call(0, new byte[1]));
        receive();
        pipe.server.write(Golden.hex("05001103 10000000 1000 0000 02000000"));
        assertTrue(failure(call).getMessage().endsWith("actual: shutdown(17))"));
    }

    @Test
    void serverTokenOfAnotherAuthType() throws Exception {
        Future<RpcClientAssociation> bind = client(() -> RpcClientAssociation.bind(
                pipe.client, ServerHarness.ICPR, FakeSecurity.Client.ntlmLike("alice", "secret"), RpcLimits.DEFAULT));
        receive();
        send(ack(
                1,
                5840,
                PresentationResult.accept(SyntaxId.NDR20),
                Optional.of(AuthVerifier.token(
                        AuthType.KERBEROS, AuthLevel.PKT_PRIVACY, 0, FakeSecurity.ascii("CHALLENGE")))));
        assertEquals("auth_type (expected: 10, actual: 16)", failure(bind).getMessage());
    }

    @Test
    void contextThatNeverCompletesIsRefused() throws Exception {
        Future<RpcClientAssociation> bind = client(() -> RpcClientAssociation.bind(
                pipe.client, ServerHarness.ICPR, FakeSecurity.Client.spnegoLike("bob", "secret"), RpcLimits.DEFAULT));
        receive();
        send(ack(
                1,
                5840,
                PresentationResult.accept(SyntaxId.NDR20),
                Optional.of(AuthVerifier.token(
                        AuthType.SPNEGO, AuthLevel.PKT_PRIVACY, 0, FakeSecurity.ascii("CHALLENGE")))));
        assertEquals(PacketType.ALTER_CONTEXT, CommonHeader.decode(receive()).type());
        // An alter_context_resp without a token leaves the SPNEGO-like client unfinished.
        send(new AlterContextRespPdu(
                1,
                PfcFlags.FIRST_AND_LAST,
                5840,
                5840,
                0x77,
                "",
                List.of(PresentationResult.accept(SyntaxId.NDR20)),
                Optional.empty()));
        Throwable e = failure(bind);
        assertInstanceOf(RpcSecurityException.class, e);
        assertEquals("security context (expected: established, actual: not established after 2 legs)", e.getMessage());
    }

    @Test
    void unsealedResponseOnASealedAssociation() throws Exception {
        Future<RpcClientAssociation> bind = client(() -> RpcClientAssociation.bind(
                pipe.client, ServerHarness.ICPR, FakeSecurity.Client.ntlmLike("alice", "secret"), RpcLimits.DEFAULT));
        receive();
        send(ack(
                1,
                5840,
                PresentationResult.accept(SyntaxId.NDR20),
                Optional.of(
                        AuthVerifier.token(AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, FakeSecurity.ascii("CHALLENGE")))));
        assertEquals(PacketType.AUTH3, CommonHeader.decode(receive()).type());
        RpcClientAssociation a = bind.get(10, TimeUnit.SECONDS);
        Future<byte[]> call = client(() -> a.call(0, new byte[1]));
        receive();
        send(new ResponsePdu(2, PfcFlags.FIRST_AND_LAST, 1, 0, 0, new byte[1], Optional.empty()));
        assertEquals("auth_length (expected: 16, actual: 0)", failure(call).getMessage());
    }
}
