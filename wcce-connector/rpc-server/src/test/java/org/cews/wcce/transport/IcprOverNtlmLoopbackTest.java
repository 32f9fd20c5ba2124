package org.cews.wcce.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.CertTransBlob;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.cews.wcce.msnlmp.NtlmClientContext;
import org.cews.wcce.msnlmp.NtlmCredential;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.StreamChannel;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.cews.wcce.server.msnlmp.NtlmServerContext;
import org.cews.wcce.server.msnlmp.NtlmServerNames;
import org.cews.wcce.server.msrpce.RpcInterface;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.RpcServer;
import org.cews.wcce.server.msrpce.ServerSecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The layers composed over loopback TCP, as the connector and the lab will use them: an NTLM
 * client context binds to the RPC server with an NTLM server context at packet privacy, and
 * MS-ICPR CertServerRequest calls travel sealed, in several fragments each way. The server side
 * here only echoes what it decoded; the CA's rules belong to the lab.
 */
class IcprOverNtlmLoopbackTest {

    private static final NtlmCredential ALICE = NtlmCredential.ofPassword("alice", "LAB", "Alice-Pw-1".toCharArray());
    private static final NtlmServerNames NAMES =
            new NtlmServerNames("LAB", "CA01", "lab.example", "ca01.lab.example", "lab.example");

    private ServerSocket listener;
    private Thread acceptor;
    private final List<CertServerRequest> received = new CopyOnWriteArrayList<>();
    private final List<RpcPrincipal> callers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        RpcServer server = new RpcServer(
                List.of(RpcInterface.authenticated(IcprInterface.SYNTAX, call -> {
                    try {
                        CertServerRequest request = CertServerRequest.decode(call.stub());
                        received.add(request);
                        call.caller().ifPresent(callers::add);
                        // Echo the request blob back as "the certificate", reversed, so the
                        // client can tell it travelled both ways intact.
                        byte[] echoed = reversed(request.request().bytes());
                        return new CertServerRequestResponse(
                                        7,
                                        Disposition.ISSUED,
                                        new CertTransBlob(echoed),
                                        new CertTransBlob(echoed),
                                        "Issued",
                                        HResult.S_OK)
                                .encode();
                    } catch (NdrException e) {
                        throw new RpcFaultException(FaultStatus.BAD_STUB_DATA);
                    }
                })),
                type -> type.equals(AuthType.NTLM)
                        ? Optional.<ServerSecurityContext>of(new NtlmServerContext(
                                NtlmCredentialLookup.of(List.of(ALICE)),
                                NAMES,
                                new SecureRandom()::nextBytes,
                                Clock.systemUTC()))
                        : Optional.empty(),
                RpcLimits.DEFAULT,
                String.valueOf(listener.getLocalPort()));
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    server.serve(new StreamChannel(socket.getInputStream(), socket.getOutputStream()));
                } catch (IOException | RpcException e) {
                    // A refused client ends its connection; the listener goes on.
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopServer() throws IOException, InterruptedException {
        listener.close();
        acceptor.join(5_000);
    }

    private RpcClientAssociation bindAs(NtlmCredential credential) throws Exception {
        TcpChannel channel =
                TcpChannel.open("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(5), Duration.ofSeconds(10));
        return RpcClientAssociation.bind(
                channel,
                IcprInterface.SYNTAX,
                new NtlmClientContext(
                        credential, "CES01", "host/ca01.lab.example", new SecureRandom()::nextBytes, Clock.systemUTC()),
                RpcLimits.DEFAULT);
    }

    @Test
    void sealedRequestsAndResponsesInSeveralFragments() throws Exception {
        byte[] csr = new byte[20_000]; // larger than three 5840-byte fragments
        new SecureRandom().nextBytes(csr);
        try (RpcClientAssociation icpr = bindAs(ALICE)) {
            for (int i = 0; i < 3; i++) {
                CertServerRequest request = CertServerRequest.submit(
                        RequestFlags.of(RequestType.PKCS10), "Lab-Issuing-CA", "CertificateTemplate:User", csr);
                CertServerRequestResponse response = CertServerRequestResponse.decode(
                        icpr.call(IcprInterface.OPNUM_CERT_SERVER_REQUEST, request.encode()));

                assertEquals(Disposition.ISSUED, response.disposition());
                assertArrayEquals(reversed(csr), response.encodedCert().bytes());
                assertEquals("Issued", response.dispositionMessage());
            }
        }
        assertEquals(3, received.size());
        assertEquals("Lab-Issuing-CA", received.get(0).authority());
        assertEquals("CertificateTemplate:User", received.get(0).attributes());
        assertEquals(new RpcPrincipal("alice", "LAB"), callers.get(0));
    }

    @Test
    void wrongPasswordNeverReachesTheHandler() {
        NtlmCredential wrong = NtlmCredential.ofPassword("alice", "LAB", "not-her-password".toCharArray());
        // NTLM's third leg (auth3) has no reply: the refusal shows on the first call.
        Exception e = assertThrows(Exception.class, () -> {
            try (RpcClientAssociation icpr = bindAs(wrong)) {
                icpr.call(
                        IcprInterface.OPNUM_CERT_SERVER_REQUEST,
                        CertServerRequest.retrieve(RequestFlags.NONE, "Lab-Issuing-CA", 1)
                                .encode());
            }
        });
        assertTrue(
                e instanceof RpcFaultException || e instanceof IOException,
                "expected a fault or a closed connection, got " + e);
        assertTrue(received.isEmpty(), "the handler must not see an unauthenticated call");
    }

    private static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
