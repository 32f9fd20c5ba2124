package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A connection manager that pools the way IronJacamar does with validate-on-match: a free
 * connection is offered to matchManagedConnections, then to getInvalidConnections, and destroyed
 * if either refuses it; a closed handle puts its connection back; CONNECTION_ERROR_OCCURRED
 * destroys it. It counts what it creates and destroys.
 */
final class TestPool implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    final List<ManagedConnection> free = new ArrayList<>();
    int created;
    int destroyed;

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info)
            throws ResourceException {
        while (!free.isEmpty()) {
            ManagedConnection candidate = free.remove(0);
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
        fresh.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                synchronized (TestPool.this) {
                    try {
                        fresh.cleanup();
                        free.add(fresh);
                    } catch (ResourceException e) {
                        destroy(fresh);
                    }
                }
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                synchronized (TestPool.this) {
                    free.remove(fresh);
                    destroy(fresh);
                }
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {}

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {}

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {}
        });
        return fresh.getConnection(null, info);
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
