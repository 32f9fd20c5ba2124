package org.cews.wcce.ra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.StreamChannel;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.cews.wcce.server.msnlmp.NtlmServerContext;
import org.cews.wcce.server.msnlmp.NtlmServerNames;
import org.cews.wcce.server.msrpce.RpcInterface;
import org.cews.wcce.server.msrpce.RpcServer;
import org.cews.wcce.server.msrpce.ServerSecurityContext;

/**
 * A CA for the adapter's unit tests, made of the connector's own server-side classes: an endpoint
 * mapper and an MS-ICPR interface over NTLM on two loopback ports. It issues "certificates" that
 * are the request reversed, pends template "Pend", denies template "Denied" with
 * CERTSRV_E_TEMPLATE_DENIED, and answers a retrieval of a request it pends as pending and of any
 * other id with CERTSRV_E_PROPERTY_EMPTY, so every result shape can be seen. A request for another
 * CA name gets E_INVALIDARG, as from AD CS. It counts the calls it answers and the connections its
 * endpoint mapper takes; {@link #goDown()} makes it close every connection at once (a CA that is
 * not there), {@link #refuseIcpr()} return RPC_S_SERVER_UNAVAILABLE ([MS-ICPR] 3.2.4.1.1 note 7),
 * {@link #hangUpOnCalls()} drop the connection when a call arrives.
 * The real emulator is the lab.
 */
final class TestCa implements AutoCloseable {

    static final String CA_NAME = "Test-CA";
    static final NtlmCredential SERVICE = NtlmCredential.ofPassword("svc-ces", "LAB", "Svc-Ces-Pw-1".toCharArray());

    private final String name;
    private final ServerSocket epm;
    private final ServerSocket icpr;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Set<Integer> pending = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger retrievals = new AtomicInteger();
    private final AtomicInteger mapperConnections = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean refusingIcpr;
    private volatile boolean hangingUp;
    private volatile long answerDelayMillis;
    private volatile FaultStatus faultOnCalls;

    TestCa() throws IOException {
        this(CA_NAME);
    }

    TestCa(String name) throws IOException {
        this.name = name;
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

    private CertServerRequestResponse answer(CertServerRequest request) throws RpcFaultException {
        if (hangingUp) {
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException alreadyClosed) {
                    // what we wanted
                }
            }
            throw new RpcFaultException(FaultStatus.CALL_FAILED); // never arrives: the connection is gone
        }
        calls.incrementAndGet();
        if (faultOnCalls != null) {
            throw new RpcFaultException(faultOnCalls); // an unauthenticated fault PDU, as RpcServer sends it
        }
        if (answerDelayMillis > 0) {
            try {
                Thread.sleep(answerDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (refusingIcpr) {
            return new CertServerRequestResponse(
                    0, new Disposition(0), null, null, "", HResult.RPC_S_SERVER_UNAVAILABLE);
        }
        if (!name.equals(request.authority())) {
            return new CertServerRequestResponse(0, new Disposition(0), null, null, "", HResult.E_INVALIDARG);
        }
        if (request.isRetrieval()) {
            retrievals.incrementAndGet();
            return pending.contains(request.requestId())
                    ? new CertServerRequestResponse(
                            request.requestId(),
                            Disposition.UNDER_SUBMISSION,
                            null,
                            null,
                            "Taken Under Submission",
                            HResult.S_OK)
                    : new CertServerRequestResponse(
                            request.requestId(),
                            new Disposition(HResult.CERTSRV_E_PROPERTY_EMPTY.code()),
                            null,
                            null,
                            "",
                            HResult.S_OK);
        }
        int id = nextId.getAndIncrement();
        if (request.attributes().contains("CertificateTemplate:Denied")) {
            return new CertServerRequestResponse(
                    id, new Disposition(0x80094012), null, null, "Denied by Policy Module", HResult.S_OK);
        }
        if (request.attributes().contains("CertificateTemplate:Pend")) {
            pending.add(id);
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
                    if (listener == epm) {
                        mapperConnections.incrementAndGet();
                    }
                    if (down) {
                        socket.close();
                        continue;
                    }
                    open.add(socket);
                    threads.execute(() -> {
                        try (socket) {
                            server.serve(new StreamChannel(socket.getInputStream(), socket.getOutputStream()));
                        } catch (Exception refused) {
                            // One refused client ends its own connection only.
                        } finally {
                            open.remove(socket);
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** From now on every connection is closed as soon as it is accepted, and the open ones now. */
    void goDown() throws IOException {
        down = true;
        for (Socket socket : open) {
            socket.close();
        }
    }

    /** Serves again. */
    void comeBack() {
        down = false;
    }

    /** Answers every call with RPC_S_SERVER_UNAVAILABLE, as a CA with IF_NORPCICERTREQUEST set. */
    void refuseIcpr() {
        refusingIcpr = true;
    }

    /** Takes calls but drops the connection instead of answering, as a CA that dies mid-call. */
    void hangUpOnCalls() {
        hangingUp = true;
    }

    /** Takes each call, then answers it (issuing) only after {@code delay}: a slow CA. */
    void answerAfter(java.time.Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    /** Answers every call with a fault PDU of {@code status}, without a sec_trailer. */
    void faultOnCalls(FaultStatus status) {
        faultOnCalls = status;
    }

    String name() {
        return name;
    }

    /** CertServerRequest calls answered (submissions and retrievals). */
    int calls() {
        return calls.get();
    }

    int retrievals() {
        return retrievals.get();
    }

    /** Connections the endpoint mapper accepted, also while down: how often the adapter tried. */
    int mapperConnections() {
        return mapperConnections.get();
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
