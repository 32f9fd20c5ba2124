package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connection manager that pools the way IronJacamar does with security-application (a pool per
 * connection request info) and validate-on-match: a free connection is offered to
 * matchManagedConnections, then to getInvalidConnections, and destroyed if either refuses it; a
 * closed handle puts its connection back; CONNECTION_ERROR_OCCURRED destroys it. It counts what
 * it creates and destroys.
 */
final class TestPool implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    private final Map<ConnectionRequestInfo, List<ManagedConnection>> free = new HashMap<>();
    int created;
    int destroyed;

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info)
            throws ResourceException {
        List<ManagedConnection> pool = free.computeIfAbsent(info, key -> new ArrayList<>());
        while (!pool.isEmpty()) {
            ManagedConnection candidate = pool.remove(0);
            if (mcf.matchManagedConnections(Set.of(candidate), null, info) == candidate
                    && ((ValidatingManagedConnectionFactory) mcf)
                            .getInvalidConnections(Set.of(candidate))
                            .isEmpty()) {
                return candidate.getConnection(null, info);
            }
            destroy(candidate);
        }
        ManagedConnection fresh = mcf.createManagedConnection(null, info);
        created++;
        fresh.addConnectionEventListener(PoolEvents.on(closed -> returned(pool, fresh), failed -> failed(fresh)));
        return fresh.getConnection(null, info);
    }

    /** The connections in the pools, not lent. */
    synchronized Set<ManagedConnection> idle() {
        Set<ManagedConnection> all = new HashSet<>();
        free.values().forEach(all::addAll);
        return all;
    }

    private synchronized void returned(List<ManagedConnection> pool, ManagedConnection connection) {
        try {
            connection.cleanup();
            pool.add(connection);
        } catch (ResourceException e) {
            destroy(connection);
        }
    }

    private synchronized void failed(ManagedConnection connection) {
        free.values().forEach(pool -> pool.remove(connection));
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
