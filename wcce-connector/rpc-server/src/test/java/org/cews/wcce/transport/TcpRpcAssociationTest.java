package org.cews.wcce.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.StreamChannel;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.server.msrpce.RpcInterface;
import org.cews.wcce.server.msrpce.RpcServer;
import org.cews.wcce.server.msrpce.ServerSecurityContextFactory;
import org.junit.jupiter.api.Test;

/**
 * The RPC layer over a real loopback socket, wired as the connector (TcpChannel) and the lab
 * (an accepted socket wrapped in a StreamChannel) wire it: an unauthenticated, multi-fragment call.
 */
class TcpRpcAssociationTest {

    private static final SyntaxId EPM = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);

    @Test
    void multiFragmentCallOverLoopback() throws Exception {
        RpcServer server = new RpcServer(
                List.of(RpcInterface.unauthenticated(EPM, call -> {
                    if (call.opnum() != 3) {
                        throw new RpcFaultException(FaultStatus.OP_RNG_ERROR);
                    }
                    byte[] doubled = new byte[call.stub().length * 2];
                    System.arraycopy(call.stub(), 0, doubled, 0, call.stub().length);
                    System.arraycopy(call.stub(), 0, doubled, call.stub().length, call.stub().length);
                    return doubled;
                })),
                ServerSecurityContextFactory.none(),
                RpcLimits.DEFAULT,
                "135");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Throwable> serving = CompletableFuture.supplyAsync(() -> {
                try (Socket s = listener.accept()) {
                    server.serve(new StreamChannel(s.getInputStream(), s.getOutputStream()));
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            byte[] stub = new byte[12_345];
            for (int i = 0; i < stub.length; i++) {
                stub[i] = (byte) (i % 253);
            }
            TcpChannel channel =
                    TcpChannel.open("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(2), Duration.ofSeconds(5));
            try (RpcClientAssociation a =
                    RpcClientAssociation.bindUnauthenticated(channel, EPM, new RpcLimits(1432, 1432, 1 << 20))) {
                byte[] answer = a.call(3, stub);
                assertEquals(2 * stub.length, answer.length);
                assertArrayEquals(stub, java.util.Arrays.copyOfRange(answer, stub.length, answer.length));
                RpcFaultException fault = org.junit.jupiter.api.Assertions.assertThrows(
                        RpcFaultException.class, () -> a.call(4, new byte[0]));
                assertEquals(FaultStatus.OP_RNG_ERROR, fault.status());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertNull(serving.get(10, TimeUnit.SECONDS));
        }
    }
}
