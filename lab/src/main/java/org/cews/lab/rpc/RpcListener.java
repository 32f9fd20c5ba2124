package org.cews.lab.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcServer;
import org.cews.wcce.msrpce.StreamChannel;

/**
 * One ncacn_ip_tcp endpoint ([MS-RPCE] 2.1.1.1) on loopback: accepts connections and runs each
 * through {@link RpcServer#serve} on a thread of a bounded pool; a connection beyond the bound is
 * closed at once. {@link #close()} stops accepting and closes every open connection.
 */
final class RpcListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RpcListener.class.getName());

    private final String name;
    private final ServerSocket socket;
    private final RpcServer server;
    private final ThreadPoolExecutor pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final int idleTimeoutMillis;

    private RpcListener(String name, ServerSocket socket, RpcServer server, int maxConnections, int idleTimeoutMillis) {
        this.name = name;
        this.socket = socket;
        this.server = server;
        this.idleTimeoutMillis = idleTimeoutMillis;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "lab-" + name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "lab-" + name + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0: the OS chooses) and starts accepting; {@code serverForPort}
     * builds the RPC server once the port is known (its bind_ack names the port).
     */
    static RpcListener open(
            String name,
            InetAddress address,
            int port,
            IntFunction<RpcServer> serverForPort,
            int maxConnections,
            int idleTimeoutMillis)
            throws IOException {
        ServerSocket socket = new ServerSocket(port, 50, address);
        RpcListener listener = new RpcListener(
                name, socket, serverForPort.apply(socket.getLocalPort()), maxConnections, idleTimeoutMillis);
        listener.acceptor.start();
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0301 {0} listening on {1}:{2,number,#}",
                name,
                address.getHostAddress(),
                socket.getLocalPort());
        return listener;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "LAB0302 {0}: accept failed: {1}", name, e.getMessage());
                }
                continue;
            }
            open.add(connection);
            try {
                pool.execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "LAB0303 {0}: connection from {1} refused: {2} connections already open",
                        name,
                        connection.getRemoteSocketAddress(),
                        pool.getMaximumPoolSize());
                closeQuietly(connection);
            }
        }
    }

    private void serve(Socket connection) {
        String peer = String.valueOf(connection.getRemoteSocketAddress());
        LOG.log(System.Logger.Level.DEBUG, "LAB0304 {0}: connection from {1}", name, peer);
        try {
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(idleTimeoutMillis);
            server.serve(new StreamChannel(connection.getInputStream(), connection.getOutputStream()));
            LOG.log(System.Logger.Level.DEBUG, "LAB0305 {0}: connection from {1} closed by the client", name, peer);
        } catch (SocketException e) {
            if (!socket.isClosed()) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "LAB0306 {0}: connection from {1} ended: {2}",
                        name,
                        peer,
                        e.getMessage());
            }
        } catch (IOException | RpcException e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "LAB0306 {0}: connection from {1} ended: {2}",
                    name,
                    peer,
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "LAB0307 " + name + ": connection from " + peer + " failed", e);
        } finally {
            open.remove(connection);
            closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
        try {
            acceptor.join(5_000);
            for (Socket connection : open) {
                closeQuietly(connection);
            }
            pool.shutdownNow();
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "LAB0308 {0}: connection threads still running after close", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(System.Logger.Level.INFO, "LAB0309 {0} on port {1,number,#} stopped", name, socket.getLocalPort());
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
