package org.cews.wcce.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.cews.wcce.msrpce.RpcByteChannel;

/**
 * A TCP connection to an RPC server (ncacn_ip_tcp, [MS-RPCE] 2.1.1.1): connect and read time
 * limits, whole-buffer reads and writes. It knows nothing of PDUs; the RPC layer sees it as an
 * {@link RpcByteChannel}.
 */
public final class TcpChannel implements RpcByteChannel {

    private final String host;
    private final int port;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpChannel(String host, int port, Socket socket) throws IOException {
        this.host = host;
        this.port = port;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects within {@code connectTimeout}; every later read waits at most {@code readTimeout}. */
    public static TcpChannel open(String host, int port, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            return new TcpChannel(host, port, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** {@code host:port} of the peer. */
    public String endpoint() {
        return host + ":" + port;
    }

    public boolean isOpen() {
        return socket.isConnected() && !socket.isClosed() && !socket.isInputShutdown();
    }

    /**
     * Waits a millisecond for a byte: none means the peer is still there and silent. The end of
     * the stream, an error or a byte nobody asked for (the connection is then out of step) all
     * mean it cannot carry another call.
     */
    @Override
    public boolean isAlive() {
        if (!isOpen()) {
            return false;
        }
        try {
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                in.read();
                return false;
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (SocketTimeoutException silent) {
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads exactly {@code buffer.length} bytes, or throws {@link EOFException}. */
    @Override
    public void readFully(byte[] buffer) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            int n = in.read(buffer, done, buffer.length - done);
            if (n < 0) {
                throw new EOFException("connection closed by " + endpoint() + " (expected: " + buffer.length
                        + " bytes, actual: " + done + ")");
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
