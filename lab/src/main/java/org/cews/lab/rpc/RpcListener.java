package org.cews.lab.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.StreamChannel;
import org.cews.wcce.server.msrpce.RpcServer;

/**
 * One ncacn_ip_tcp endpoint ([MS-RPCE] 2.1.1.1) on loopback: accepts connections and runs each
 * through {@link RpcServer#serve} on a thread of its own, at most {@link Limits#maxConnections} at
 * once. Idle sockets cannot hold the endpoint (issue 11 item 7):
 *
 * <ul>
 *   <li>Until its security context is established ({@link ListenerConnection#authenticated}), a
 *       connection must send each PDU within, and finish authenticating within, the handshake
 *       timeout; then the idle timeout applies. An endpoint without authentication (the endpoint
 *       mapper) has only the handshake timeout: its clients ask one question and go.
 *   <li>When every slot is taken, a new connection takes the slot of the oldest connection that has
 *       not authenticated, which is closed; only when all are authenticated is the new one refused.
 *   <li>{@link PrivacyGate} refuses an unauthenticated request PDU at its first fragment where every
 *       interface requires packet privacy.
 * </ul>
 *
 * Each connection gets its own {@link RpcServer} from {@code serverFor}, so that its security
 * contexts can report to it; association group IDs are therefore counted per connection, which
 * nothing of MS-ICPR or the endpoint mapper relies on. {@link #close()} stops accepting and closes
 * every open connection.
 */
final class RpcListener implements AutoCloseable {

    /**
     * @param maxConnections connections served at once
     * @param handshakeTimeout how long an unauthenticated connection may stay silent, and live
     * @param idleTimeout how long an authenticated connection may stay silent
     */
    record Limits(int maxConnections, Duration handshakeTimeout, Duration idleTimeout) {
        static final Limits DEFAULT = new Limits(64, Duration.ofSeconds(10), Duration.ofMinutes(30));

        Limits {
            if (maxConnections < 1
                    || handshakeTimeout.isNegative()
                    || handshakeTimeout.isZero()
                    || idleTimeout.isNegative()) {
                throw new IllegalArgumentException("listener limits (expected: positive, actual: " + maxConnections
                        + ", " + handshakeTimeout + ", " + idleTimeout + ")");
            }
        }
    }

    private static final System.Logger LOG = System.getLogger(RpcListener.class.getName());

    private final String name;
    private final ServerSocket socket;
    private final BiFunction<Integer, ListenerConnection, RpcServer> serverFor;
    private final boolean privacyOnly;
    private final Limits limits;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final ScheduledExecutorService sweeper;
    private final Set<ListenerConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private RpcListener(
            String name,
            ServerSocket socket,
            BiFunction<Integer, ListenerConnection, RpcServer> serverFor,
            boolean privacyOnly,
            Limits limits) {
        this.name = name;
        this.socket = socket;
        this.serverFor = serverFor;
        this.privacyOnly = privacyOnly;
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConnections());
        AtomicInteger threads = new AtomicInteger();
        // Threads are bounded by the slots: one per admitted connection, plus those still ending.
        this.pool = Executors.newCachedThreadPool(r -> daemon(r, "lab-" + name + "-" + threads.incrementAndGet()));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lab-" + name + "-sweep"));
        this.acceptor = daemon(this::acceptLoop, "lab-" + name + "-accept");
    }

    private static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }

    /**
     * Binds {@code address}:{@code port} (0: the OS chooses) and starts accepting; {@code serverFor}
     * builds a connection's RPC server given the port (its bind_ack names it) and the connection.
     * {@code privacyOnly}: every interface offered requires packet privacy.
     */
    static RpcListener open(
            String name,
            InetAddress address,
            int port,
            BiFunction<Integer, ListenerConnection, RpcServer> serverFor,
            boolean privacyOnly,
            Limits limits)
            throws IOException {
        ServerSocket socket = new ServerSocket(port, 50, address);
        RpcListener listener = new RpcListener(name, socket, serverFor, privacyOnly, limits);
        listener.acceptor.start();
        long period = Math.max(100, limits.handshakeTimeout().toMillis() / 4);
        listener.sweeper.scheduleWithFixedDelay(listener::closeLateHandshakes, period, period, TimeUnit.MILLISECONDS);
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
            Socket accepted;
            try {
                accepted = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "LAB0302 {0}: accept failed: {1}", name, e.getMessage());
                }
                continue;
            }
            if (!takeSlot()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "LAB0303 {0}: connection from {1} refused: {2} authenticated connections already open",
                        name,
                        accepted.getRemoteSocketAddress(),
                        limits.maxConnections());
                closeQuietly(accepted);
                continue;
            }
            ListenerConnection connection = new ListenerConnection(accepted, limits.idleTimeout(), System.nanoTime());
            open.add(connection);
            pool.execute(() -> serve(connection));
        }
    }

    /** A free slot, or the slot of the oldest unauthenticated connection, which is closed for it. */
    private boolean takeSlot() {
        if (slots.tryAcquire()) {
            return true;
        }
        Optional<ListenerConnection> victim = open.stream()
                .filter(c -> !c.isAuthenticated())
                .min(Comparator.comparingLong(ListenerConnection::acceptedNanos));
        if (victim.isEmpty()) {
            return false;
        }
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0310 {0}: all {1} slots taken; closing {2}, the oldest connection that has not authenticated",
                name,
                limits.maxConnections(),
                victim.get().peer());
        open.remove(victim.get()); // not chosen twice; its thread gives its slot back as it ends
        victim.get().close();
        try {
            return slots.tryAcquire(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes connections that have not authenticated within the handshake timeout. */
    private void closeLateHandshakes() {
        long deadline = System.nanoTime() - limits.handshakeTimeout().toNanos();
        for (ListenerConnection c : open) {
            if (!c.isAuthenticated() && c.acceptedNanos() - deadline < 0) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "LAB0311 {0}: connection from {1} closed: not authenticated within {2} ms",
                        name,
                        c.peer(),
                        limits.handshakeTimeout().toMillis());
                c.close();
            }
        }
    }

    private void serve(ListenerConnection connection) {
        Socket s = connection.socket();
        String peer = connection.peer();
        LOG.log(System.Logger.Level.DEBUG, "LAB0304 {0}: connection from {1}", name, peer);
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) limits.handshakeTimeout().toMillis());
            PrivacyGate channel =
                    new PrivacyGate(new StreamChannel(s.getInputStream(), s.getOutputStream()), privacyOnly);
            serverFor.apply(socket.getLocalPort(), connection).serve(channel);
            LOG.log(System.Logger.Level.DEBUG, "LAB0305 {0}: connection from {1} closed by the client", name, peer);
        } catch (PrivacyGate.Refused e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "LAB0312 {0}: connection from {1} refused: {2}",
                    name,
                    peer,
                    e.getMessage());
        } catch (SocketException e) {
            if (!socket.isClosed() && !connection.isClosed()) {
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
            connection.close();
            slots.release();
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
        sweeper.shutdownNow();
        try {
            acceptor.join(5_000);
            for (ListenerConnection connection : open) {
                connection.close();
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
