package org.cews.wcce.ra;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.function.Consumer;

/** A connection event listener for the two events a non-transactional pool acts on. */
final class PoolEvents {

    private PoolEvents() {}

    static ConnectionEventListener on(Consumer<ConnectionEvent> closed, Consumer<ConnectionEvent> failed) {
        return new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                closed.accept(event);
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                failed.accept(event);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {}

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {}

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {}
        };
    }
}
