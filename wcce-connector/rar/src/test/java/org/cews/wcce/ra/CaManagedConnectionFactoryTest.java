package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cews.wcce.api.CaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool contract of the adapter, against a real loopback listener standing in for the CA's port. */
class CaManagedConnectionFactoryTest {

    private ServerSocket ca;
    private CaManagedConnectionFactory factory;

    @BeforeEach
    void setUp() throws IOException {
        ca = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        factory = configured(ca.getLocalPort());
    }

    @AfterEach
    void tearDown() throws IOException {
        ca.close();
    }

    private static CaManagedConnectionFactory configured(int port) {
        CaManagedConnectionFactory f = new CaManagedConnectionFactory();
        f.setCaName("Lab-Issuing-CA");
        f.setCaHost("127.0.0.1");
        f.setCaPort(port);
        return f;
    }

    @Test
    void equalityIsOverTheConfiguration() {
        assertEquals(configured(ca.getLocalPort()), factory);
        assertEquals(configured(ca.getLocalPort()).hashCode(), factory.hashCode());
        assertNotEquals(configured(ca.getLocalPort() + 1), factory);
    }

    @Test
    void missingConfigurationIsNamed() {
        CaManagedConnectionFactory empty = new CaManagedConnectionFactory();
        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> empty.createManagedConnection(null, null));
        assertTrue(e.getMessage().contains("CaName and CaHost"), e.getMessage());
    }

    @Test
    void unreachableCaNamesTheEndpoint() throws IOException {
        int port = ca.getLocalPort();
        ca.close();
        ResourceAdapterInternalException e =
                assertThrows(ResourceAdapterInternalException.class, () -> factory.createManagedConnection(null, null));
        assertTrue(
                e.getMessage().startsWith("cannot connect to CA Lab-Issuing-CA at 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void handleClosesBackToThePoolAndDiesWithIt() throws ResourceException, CaException {
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        List<ConnectionEvent> events = new ArrayList<>();
        connection.addConnectionEventListener(recording(events));

        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        assertEquals("127.0.0.1:" + ca.getLocalPort(), handle.endpoint());
        handle.close();

        assertEquals(1, events.size());
        assertEquals(ConnectionEvent.CONNECTION_CLOSED, events.get(0).getId());
        assertSame(handle, events.get(0).getConnectionHandle());
        CaException e = assertThrows(CaException.class, handle::endpoint);
        assertEquals("this CA connection was closed or returned to the pool", e.getMessage());
        connection.destroy();
    }

    @Test
    void cleanupInvalidatesHandlesButKeepsTheConnectionUsable() throws ResourceException {
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        connection.cleanup();
        assertThrows(CaException.class, handle::endpoint);
        assertSame(connection, factory.matchManagedConnections(Set.of(connection), null, null));
        connection.destroy();
    }

    @Test
    void destroyedConnectionsAreInvalidAndNeverMatched() throws ResourceException {
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        connection.destroy();
        assertEquals(Set.of(connection), factory.getInvalidConnections(Set.of(connection)));
        assertNull(factory.matchManagedConnections(Set.of(connection), null, null));
    }

    @Test
    void connectionsOfAnotherCaAreNotMatched() throws ResourceException, IOException {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CaManagedConnection foreign =
                    (CaManagedConnection) configured(other.getLocalPort()).createManagedConnection(null, null);
            assertNull(factory.matchManagedConnections(Set.of(foreign), null, null));
            foreign.destroy();
        }
    }

    private static ConnectionEventListener recording(List<ConnectionEvent> events) {
        return new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {}

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {}

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {}

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                events.add(event);
            }
        };
    }
}
