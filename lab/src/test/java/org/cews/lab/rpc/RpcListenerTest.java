package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cews.lab.FakeLabCa;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabRealm;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msrpce.CommonHeader;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.FrameReader;
import org.cews.wcce.msrpce.PacketType;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.transport.TcpChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CA's RPC listener under sockets that do nothing useful (issue 11 item 7): idle unauthenticated
 * connections cannot hold every slot, are closed after the handshake timeout, and an unauthenticated
 * request to the privacy-only ICPR interface is refused at its first fragment instead of being
 * buffered up to the 4 MiB stub limit.
 */
class RpcListenerTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final String ALICE_PASSWORD = ACCOUNTS.requireUser("alice").password();

    final List<Socket> idle = new ArrayList<>();
    CaRpcServer server;

    void start(RpcListener.Limits limits) throws IOException {
        server = CaRpcServer.start(
                new FakeLabCa(),
                new LabSecurity(ACCOUNTS.ntlm(), Optional.empty(), new SecureRandom(), Clock.systemUTC()),
                0,
                0,
                limits);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : idle) {
            s.close();
        }
        server.close();
    }

    Socket idleSocket(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(LabRealm.LOOPBACK, port), 2_000);
        s.setSoTimeout(10_000);
        idle.add(s);
        return s;
    }

    @Test
    void sixtyFourIdleSocketsDoNotLockOutAnAuthenticatedClient() throws Exception {
        start(RpcListener.Limits.DEFAULT);
        for (int i = 0; i < CaRpcServer.MAX_CONNECTIONS; i++) {
            idleSocket(server.icprPort());
        }
        Thread.sleep(300);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (RpcClientAssociation icpr =
                    LabRpcClient.bind(server.icprPort(), LabRpcClient.ntlm("alice", "LAB", ALICE_PASSWORD))) {
                assertEquals(Disposition.ISSUED, LabRpcClient.submit(icpr, "").disposition());
            }
        });
        assertEquals(-1, idle.get(0).getInputStream().read(), "the oldest idle socket made room");
    }

    @Test
    void anIdleUnauthenticatedSocketIsClosedAfterTheHandshakeTimeout() throws Exception {
        start(new RpcListener.Limits(CaRpcServer.MAX_CONNECTIONS, Duration.ofMillis(500), Duration.ofMinutes(30)));
        Socket s = idleSocket(server.icprPort());
        assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> assertEquals(-1, s.getInputStream().read()));
    }

    @Test
    void anAuthenticatedConnectionOutlivesTheHandshakeTimeout() throws Exception {
        start(new RpcListener.Limits(CaRpcServer.MAX_CONNECTIONS, Duration.ofMillis(500), Duration.ofMinutes(30)));
        try (RpcClientAssociation icpr =
                LabRpcClient.bind(server.icprPort(), LabRpcClient.ntlm("alice", "LAB", ALICE_PASSWORD))) {
            assertEquals(Disposition.ISSUED, LabRpcClient.submit(icpr, "").disposition());
            Thread.sleep(1_500);
            assertEquals(Disposition.ISSUED, LabRpcClient.submit(icpr, "").disposition());
        }
    }

    @Test
    void anUnauthenticatedRequestToIcprIsRefusedAtItsFirstFragment() throws Exception {
        start(RpcListener.Limits.DEFAULT);
        TcpChannel channel =
                TcpChannel.open(LabRealm.LOOPBACK, server.icprPort(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (RpcClientAssociation unused =
                RpcClientAssociation.bindUnauthenticated(channel, IcprInterface.SYNTAX, RpcLimits.DEFAULT)) {
            channel.write(firstFragmentOfALargeRequest(7));
            byte[] reply = FrameReader.read(channel, 5840);
            CommonHeader h = CommonHeader.decode(reply);
            assertEquals(PacketType.FAULT, h.type());
            assertEquals(7, h.callId());
            int status =
                    ByteBuffer.wrap(reply, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            assertEquals(FaultStatus.ACCESS_DENIED.code(), status);
        }
    }

    /** C706 12.6.4.9: a request PDU, first fragment only, no sec_trailer, announcing 4 MiB of stub. */
    static byte[] firstFragmentOfALargeRequest(int callId) {
        byte[] stub = new byte[1024];
        ByteBuffer b =
                ByteBuffer.allocate(CommonHeader.LENGTH + 8 + stub.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 5).put((byte) 0).put((byte) 0).put((byte) 0x01); // version, minor, request, PFC_FIRST_FRAG
        b.put(new byte[] {0x10, 0, 0, 0}); // data representation: little-endian, ASCII, IEEE
        b.putShort((short) b.capacity()).putShort((short) 0).putInt(callId); // frag_length, auth_length, call_id
        b.putInt(4 << 20).putShort((short) 0).putShort((short) 0); // alloc_hint, p_cont_id, opnum
        b.put(stub);
        return b.array();
    }
}
