package org.cews.wcce.msrpce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cews.wcce.server.msrpce.RpcCall;
import org.cews.wcce.server.msrpce.RpcInterface;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.RpcServer;

/**
 * An {@link RpcServer} serving one {@link MemoryPipe} on its own thread, with two interfaces: an
 * authenticated one shaped like ICertPassage and an unauthenticated one shaped like the endpoint
 * mapper. Opnum 0 echoes "caller|stub reversed"; opnum 1 answers as many bytes as the stub's first
 * four bytes say; any other opnum faults with nca_s_op_rng_error.
 */
final class ServerHarness implements AutoCloseable {

    static final SyntaxId ICPR = new SyntaxId(UUID.fromString("91ae6020-9e3c-11cf-8d7c-00aa00c091be"), 0, 0);
    static final SyntaxId EPM = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);

    final MemoryPipe pipe = new MemoryPipe();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Future<Void> serving;

    ServerHarness(RpcLimits limits) {
        RpcServer server = new RpcServer(
                List.of(
                        RpcInterface.authenticated(ICPR, ServerHarness::handle),
                        RpcInterface.unauthenticated(EPM, ServerHarness::handle)),
                FakeSecurity.Server.factory(),
                limits,
                "135");
        serving = executor.submit(() -> {
            server.serve(pipe.server);
            return null;
        });
    }

    ServerHarness() {
        this(RpcLimits.DEFAULT);
    }

    static byte[] handle(RpcCall call) throws RpcFaultException {
        switch (call.opnum()) {
            case 0 -> {
                byte[] reversed = new byte[call.stub().length];
                for (int i = 0; i < reversed.length; i++) {
                    reversed[i] = call.stub()[reversed.length - 1 - i];
                }
                String caller = call.caller().map(RpcPrincipal::toString).orElse("anonymous");
                byte[] head = (caller + "|").getBytes(StandardCharsets.US_ASCII);
                byte[] out = new byte[head.length + reversed.length];
                System.arraycopy(head, 0, out, 0, head.length);
                System.arraycopy(reversed, 0, out, head.length, reversed.length);
                return out;
            }
            case 1 -> {
                return pattern(WireReader.getU32(call.stub(), 0));
            }
            default -> throw new RpcFaultException(FaultStatus.OP_RNG_ERROR);
        }
    }

    static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + i / 251);
        }
        return b;
    }

    /** How {@link RpcServer#serve} ended: null for a normal end, else its exception. */
    Throwable outcome() throws Exception {
        try {
            serving.get(10, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        pipe.client.close();
        executor.shutdownNow();
    }
}
