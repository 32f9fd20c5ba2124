package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A connection manager that pools the way IronJacamar does as configure-connector.cli sets it up
 * (one pool, validate-on-match, use-fast-fail): the free connection that was returned first is
 * offered to matchManagedConnections, then to getInvalidConnections, and destroyed if either
 * refuses it, after which a new one is made; a closed handle puts its connection back;
 * CONNECTION_ERROR_OCCURRED destroys it. A connection it cannot create is an error wrapped twice,
 * as IronJacamar's (whose message says only that). It counts what it creates and destroys.
 */
final class TestPool implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    private final List<ManagedConnection> free = new ArrayList<>();
    int created;
    int destroyed;

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info)
            throws ResourceException {
        if (!free.isEmpty()) {
            ManagedConnection candidate = free.remove(0);
            if (mcf.matchManagedConnections(Set.of(candidate), null, info) == candidate
                    && ((ValidatingManagedConnectionFactory) mcf)
                            .getInvalidConnections(Set.of(candidate))
                            .isEmpty()) {
                return candidate.getConnection(null, info);
            }
            destroy(candidate);
        }
        ManagedConnection fresh;
        try {
            fresh = mcf.createManagedConnection(null, info);
        } catch (ResourceException e) {
            // IronJacamar's pool and then its connection manager wrap the adapter's exception.
            throw new ResourceException(
                    "IJ000453: Unable to get managed connection for java:/eis/cews/Test",
                    new ResourceException("IJ000658: Unexpected throwable while trying to create a connection", e));
        }
        created++;
        fresh.addConnectionEventListener(PoolEvents.on(closed -> returned(fresh), failed -> failed(fresh)));
        return fresh.getConnection(null, info);
    }

    /** The connections in the pools, not lent. */
    synchronized Set<ManagedConnection> idle() {
        return new HashSet<>(free);
    }

    private synchronized void returned(ManagedConnection connection) {
        try {
            connection.cleanup();
            free.add(connection);
        } catch (ResourceException e) {
            destroy(connection);
        }
    }

    private synchronized void failed(ManagedConnection connection) {
        free.remove(connection);
        destroy(connection);
    }

    private void destroy(ManagedConnection connection) {
        try {
            connection.destroy();
        } catch (ResourceException ignored) {
            // CaManagedConnection.destroy does not throw
        }
        destroyed++;
    }
}
