package org.cews.lab.kdc;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;

/**
 * A loopback port free for both TCP and UDP at the time of asking. Kerby binds the port it is
 * given and cannot report one the OS chose, so "port 0" for the KDC means: find one here, then hand
 * it over (a small window in which another process could take it).
 */
final class FreePort {

    private static final int ATTEMPTS = 20;

    private FreePort() {}

    static int tcpAndUdp(InetAddress address) throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, address)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
                    return port;
                } catch (SocketException taken) {
                    // UDP side in use: try another
                }
            }
        }
        throw new IOException("no port free for TCP and UDP on " + address + " after " + ATTEMPTS + " attempts");
    }
}
