package org.cews.wcce.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpChannelTest {

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private TcpChannel connect(Duration readTimeout) throws IOException {
        return TcpChannel.open("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2), readTimeout);
    }

    @Test
    void readsWhatThePeerSendsInPieces() throws IOException {
        try (TcpChannel channel = connect(Duration.ofSeconds(2));
                Socket peer = server.accept()) {
            peer.getOutputStream().write(new byte[] {1, 2});
            peer.getOutputStream().flush();
            peer.getOutputStream().write(new byte[] {3});
            byte[] buffer = new byte[3];
            channel.readFully(buffer);
            assertArrayEquals(new byte[] {1, 2, 3}, buffer);
            assertEquals("127.0.0.1:" + server.getLocalPort(), channel.endpoint());
            assertTrue(channel.isOpen());
        }
    }

    @Test
    void peerClosingMidMessageIsAnEofWithCounts() throws IOException {
        try (TcpChannel channel = connect(Duration.ofSeconds(2))) {
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write(new byte[] {1, 2});
            }
            EOFException e = assertThrows(EOFException.class, () -> channel.readFully(new byte[16]));
            assertTrue(e.getMessage().endsWith("(expected: 16 bytes, actual: 2)"), e.getMessage());
        }
    }

    @Test
    void silentPeerTimesOut() throws IOException {
        try (TcpChannel channel = connect(Duration.ofMillis(200));
                Socket peer = server.accept()) {
            assertThrows(SocketTimeoutException.class, () -> channel.readFully(new byte[1]));
        }
    }

    @Test
    void refusedConnectionIsAnIoException() throws IOException {
        int port = server.getLocalPort();
        server.close();
        assertThrows(
                IOException.class,
                () -> TcpChannel.open("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @Test
    void closedChannelIsNotOpen() throws IOException {
        TcpChannel channel = connect(Duration.ofSeconds(2));
        channel.close();
        assertFalse(channel.isOpen());
    }

    @Test
    void silentPeerIsAliveAndTheChannelStillReads() throws IOException {
        try (TcpChannel channel = connect(Duration.ofSeconds(2));
                Socket peer = server.accept()) {
            assertTrue(channel.isAlive());
            peer.getOutputStream().write(new byte[] {7});
            byte[] buffer = new byte[1];
            channel.readFully(buffer);
            assertArrayEquals(new byte[] {7}, buffer);
        }
    }

    @Test
    void peerThatClosedIsNotAlive() throws IOException {
        try (TcpChannel channel = connect(Duration.ofSeconds(2))) {
            server.accept().close();
            assertTrue(noLongerAliveWithin(channel, Duration.ofSeconds(2)));
        }
    }

    @Test
    void peerThatSpokeUnaskedIsNotAlive() throws IOException {
        try (TcpChannel channel = connect(Duration.ofSeconds(2));
                Socket peer = server.accept()) {
            peer.getOutputStream().write(new byte[] {5});
            peer.getOutputStream().flush();
            assertTrue(noLongerAliveWithin(channel, Duration.ofSeconds(2)));
        }
    }

    /** The peer's FIN or byte crosses loopback on its own time: look until it has arrived. */
    private static boolean noLongerAliveWithin(TcpChannel channel, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!channel.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
