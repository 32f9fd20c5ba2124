package org.cews.wcce.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.cews.wcce.client.IcprSession;

/**
 * One physical connection to one CA, owned by the pool: an MS-ICPR association bound at packet
 * privacy. Applications only see {@link CaConnectionHandle}s; closing a handle returns this
 * connection to the pool, a broken session takes it out, and so does validation (the CA closed
 * the connection, or it is older than the factory's maximum age and must authenticate anew).
 */
final class CaManagedConnection implements ManagedConnection {

    private final CaManagedConnectionFactory factory;
    private final CaRequestInfo identity;
    private final IcprSession session;
    private final Instant created;
    private final long generation;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<CaConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private PrintWriter logWriter;

    CaManagedConnection(
            CaManagedConnectionFactory factory,
            CaRequestInfo identity,
            IcprSession session,
            Instant created,
            long generation) {
        this.factory = factory;
        this.identity = identity;
        this.session = session;
        this.created = created;
        this.generation = generation;
    }

    /** The {@link CaAvailability#generation} of its CA when it was bound. */
    long generation() {
        return generation;
    }

    /** Whom the CA sees on this connection (a user, or the connector's own account), and which CA. */
    CaRequestInfo identity() {
        return identity;
    }

    CaManagedConnectionFactory factory() {
        return factory;
    }

    IcprSession session() {
        return session;
    }

    boolean isUsable() {
        return session.isUsable();
    }

    /**
     * Validation, between uses: the session is not broken, the CA has not closed the connection,
     * and it was bound less than {@code maxAge} ago (its authentication is renewed by binding a
     * new connection, with a fresh Kerberos ticket where Kerberos is used).
     */
    boolean isValid(Instant now, Duration maxAge) {
        return now.isBefore(created.plus(maxAge)) && session.isAlive();
    }

    /** The session broke under a call: the pool must destroy this connection, not lend it again. */
    void sessionFailed(Exception cause) {
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        listeners.forEach(listener -> listener.connectionErrorOccurred(event));
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        CaConnectionHandle handle = new CaConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof CaConnectionHandle handle)) {
            throw new ResourceException("not a CA connection handle: " + connection);
        }
        handle.owner().handles.remove(handle);
        handle.reassign(this);
        handles.add(handle);
    }

    /** The pool takes the connection back: handles die, the TCP connection stays. */
    @Override
    public void cleanup() {
        handles.forEach(CaConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        try {
            session.close();
        } catch (IOException ignored) {
            // Closing a socket that is already gone: nothing left to release.
        }
    }

    void handleClosed(CaConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("the CA connector is not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("the CA connector is not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Active Directory Certificate Services (MS-ICPR)";
            }

            @Override
            public String getEISProductVersion() {
                return "unknown";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return identity.userPrincipal();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
