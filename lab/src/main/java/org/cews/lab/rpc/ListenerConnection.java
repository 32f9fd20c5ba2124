package org.cews.lab.rpc;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msrpce.ServerSecurityContext;
import org.cews.wcce.server.msrpce.ServerSecurityContextFactory;

/**
 * One accepted connection of an {@link RpcListener}: its socket, when it was accepted, and whether a
 * security context on it has been established, which {@link #observe} learns from the contexts
 * themselves. Once authenticated, its read timeout becomes the listener's idle timeout.
 */
final class ListenerConnection {

    private final Socket socket;
    private final Duration idleTimeout;
    private final long acceptedNanos;
    private volatile boolean authenticated;
    private volatile boolean closed;

    ListenerConnection(Socket socket, Duration idleTimeout, long acceptedNanos) {
        this.socket = socket;
        this.idleTimeout = idleTimeout;
        this.acceptedNanos = acceptedNanos;
    }

    Socket socket() {
        return socket;
    }

    String peer() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    long acceptedNanos() {
        return acceptedNanos;
    }

    boolean isAuthenticated() {
        return authenticated;
    }

    boolean isClosed() {
        return closed;
    }

    /** {@code factory}'s contexts, each telling this connection when it is established. */
    ServerSecurityContextFactory observe(ServerSecurityContextFactory factory) {
        return type -> factory.newContext(type).map(Observed::new);
    }

    private void established() {
        if (!authenticated) {
            authenticated = true;
            try {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            } catch (SocketException e) {
                close();
            }
        }
    }

    void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }

    /** A context that reports its establishment to the connection. */
    private final class Observed extends ForwardingSecurityContext {

        Observed(ServerSecurityContext delegate) {
            super(delegate);
        }

        @Override
        public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
            Optional<byte[]> reply = delegate.accept(clientToken);
            if (delegate.isEstablished()) {
                established();
            }
            return reply;
        }
    }
}
