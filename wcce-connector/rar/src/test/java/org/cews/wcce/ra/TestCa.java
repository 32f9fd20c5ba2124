package org.cews.wcce.ra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.epm.EptMap;
import org.cews.wcce.epm.EptMapResponse;
import org.cews.wcce.epm.Tower;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.CertTransBlob;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msnlmp.NtlmCredential;
import org.cews.wcce.msnlmp.NtlmCredentialLookup;
import org.cews.wcce.msnlmp.NtlmServerContext;
import org.cews.wcce.msnlmp.NtlmServerNames;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcInterface;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.RpcServer;
import org.cews.wcce.msrpce.ServerSecurityContext;
import org.cews.wcce.msrpce.StreamChannel;
import org.cews.wcce.ndr.NdrException;

/**
 * A CA for the adapter's unit tests, made of the connector's own server-side classes: an endpoint
 * mapper and an MS-ICPR interface over NTLM on two loopback ports. It issues "certificates" that
 * are the request reversed, pends request id 2 and denies template "Denied" with
 * CERTSRV_E_TEMPLATE_DENIED, so every result shape can be seen. The real emulator is the lab.
 */
final class TestCa implements AutoCloseable {

    static final String CA_NAME = "Test-CA";
    static final NtlmCredential SERVICE = NtlmCredential.ofPassword("svc-ces", "LAB", "Svc-Ces-Pw-1".toCharArray());

    private final ServerSocket epm;
    private final ServerSocket icpr;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger nextId = new AtomicInteger(1);

    TestCa() throws IOException {
        epm = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        icpr = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        RpcServer mapper = new RpcServer(
                List.of(RpcInterface.unauthenticated(EpmInterface.SYNTAX, call -> {
                    try {
                        EptMap request = EptMap.decode(call.stub());
                        Tower tower =
                                Tower.ncacnIpTcp(IcprInterface.SYNTAX, icpr.getLocalPort(), new byte[] {127, 0, 0, 1});
                        return new EptMapResponse(request.entryHandle(), request.maxTowers(), List.of(tower), 0)
                                .encode();
                    } catch (NdrException e) {
                        throw new RpcFaultException(FaultStatus.BAD_STUB_DATA);
                    }
                })),
                type -> Optional.empty(),
                RpcLimits.DEFAULT,
                String.valueOf(epm.getLocalPort()));
        RpcServer ca = new RpcServer(
                List.of(RpcInterface.authenticated(IcprInterface.SYNTAX, call -> {
                    try {
                        return answer(CertServerRequest.decode(call.stub())).encode();
                    } catch (NdrException e) {
                        throw new RpcFaultException(FaultStatus.BAD_STUB_DATA);
                    }
                })),
                type -> type.equals(AuthType.NTLM)
                        ? Optional.<ServerSecurityContext>of(new NtlmServerContext(
                                NtlmCredentialLookup.of(List.of(SERVICE)),
                                new NtlmServerNames("LAB", "CA01", "lab.example", "ca01.lab.example", "lab.example"),
                                new SecureRandom()::nextBytes,
                                Clock.systemUTC()))
                        : Optional.empty(),
                RpcLimits.DEFAULT,
                String.valueOf(icpr.getLocalPort()));
        serve(epm, mapper);
        serve(icpr, ca);
    }

    private CertServerRequestResponse answer(CertServerRequest request) {
        if (request.isRetrieval()) {
            return new CertServerRequestResponse(
                    request.requestId(),
                    Disposition.UNDER_SUBMISSION,
                    null,
                    null,
                    "Taken Under Submission",
                    HResult.S_OK);
        }
        int id = nextId.getAndIncrement();
        if (request.attributes().contains("CertificateTemplate:Denied")) {
            return new CertServerRequestResponse(
                    id, new Disposition(0x80094012), null, null, "Denied by Policy Module", HResult.S_OK);
        }
        if (id == 2) {
            return new CertServerRequestResponse(
                    id, Disposition.UNDER_SUBMISSION, null, null, "Taken Under Submission", HResult.S_OK);
        }
        byte[] der = request.request().bytes();
        byte[] cert = new byte[der.length];
        for (int i = 0; i < der.length; i++) {
            cert[i] = der[der.length - 1 - i];
        }
        return new CertServerRequestResponse(
                id, Disposition.ISSUED, new CertTransBlob(cert), new CertTransBlob(cert), "Issued", HResult.S_OK);
    }

    private void serve(ServerSocket listener, RpcServer server) {
        threads.execute(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    threads.execute(() -> {
                        try {
                            server.serve(new StreamChannel(socket.getInputStream(), socket.getOutputStream()));
                        } catch (Exception refused) {
                            // One refused client ends its own connection only.
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int endpointMapperPort() {
        return epm.getLocalPort();
    }

    int icprPort() {
        return icpr.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        epm.close();
        icpr.close();
        threads.shutdownNow();
    }
}
