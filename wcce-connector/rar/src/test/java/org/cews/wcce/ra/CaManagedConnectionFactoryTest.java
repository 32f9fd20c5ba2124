package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.InvalidPropertyException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.api.RequestFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool contract of the adapter, against an in-process CA speaking MS-ICPR over NTLM on loopback. */
class CaManagedConnectionFactoryTest {

    private TestCa ca;
    private CaManagedConnectionFactory factory;

    @BeforeEach
    void setUp() throws IOException {
        ca = new TestCa();
        factory = configured(ca.endpointMapperPort());
    }

    @AfterEach
    void tearDown() throws IOException {
        ca.close();
    }

    private static CaManagedConnectionFactory configured(int port) {
        CaManagedConnectionFactory f = new CaManagedConnectionFactory();
        f.setCaName(TestCa.CA_NAME);
        f.setCaHost("127.0.0.1");
        f.setCaPort(port);
        f.setAuthenticationType("NTLM");
        f.setUserName(TestCa.SERVICE.user());
        f.setDomain(TestCa.SERVICE.domain());
        f.setPassword("Svc-Ces-Pw-1");
        f.setCaServicePrincipal("host/ca01.lab.example");
        return f;
    }

    @Test
    void equalityIsOverTheConfiguration() {
        assertEquals(configured(ca.endpointMapperPort()), factory);
        assertEquals(configured(ca.endpointMapperPort()).hashCode(), factory.hashCode());
        assertNotEquals(configured(ca.endpointMapperPort() + 1), factory);
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
        // A port nothing listens on: one the OS gave a listener that is closed again before any
        // thread waited in accept() (closing a listener with a thread blocked in accept() can be
        // deferred by the JDK, which would make this test wait for the read timeout).
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        CaManagedConnectionFactory unreachable = configured(port);
        CaConnectFailure e =
                assertThrows(CaConnectFailure.class, () -> unreachable.createManagedConnection(null, null));
        assertTrue(
                e.getMessage()
                        .startsWith("cannot connect to CA 127.0.0.1\\Test-CA as LAB\\svc-ces (NTLM): CA Test-CA:"
                                + " endpoint mapper at 127.0.0.1:" + port),
                e.getMessage());
        assertEquals(CaException.Kind.UNREACHABLE, e.kind());
    }

    @Test
    void wrongPasswordFailsAtTheFirstCallAndTakesTheConnectionOut() throws ResourceException {
        factory.setPassword("not-the-password");
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        List<ConnectionEvent> events = new ArrayList<>();
        connection.addConnectionEventListener(recording(events));
        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        // NTLM's auth3 has no reply: the CA refuses the first call.
        assertThrows(CaException.class, () -> handle.submit(request("User")));
        assertEquals(ConnectionEvent.CONNECTION_ERROR_OCCURRED, events.get(0).getId());
        assertEquals(Set.of(connection), factory.getInvalidConnections(Set.of(connection)));
        connection.destroy();
    }

    @Test
    void issuedPendingDeniedAndRetrieved() throws ResourceException, CaException {
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);

        EnrollmentResult issued = handle.submit(request("User"));
        assertTrue(issued instanceof EnrollmentResult.Issued, issued.toString());
        assertArrayEquals(new byte[] {3, 2, 1}, ((EnrollmentResult.Issued) issued).certificate());
        assertEquals(TestCa.CA_NAME, issued.caName());

        EnrollmentResult pending = handle.submit(request("Pend"));
        assertEquals(new EnrollmentResult.Pending(2, "Taken Under Submission", TestCa.CA_NAME), pending);

        EnrollmentResult denied = handle.submit(request("Denied"));
        assertTrue(denied instanceof EnrollmentResult.Denied, denied.toString());
        assertEquals("0x80094012", ((EnrollmentResult.Denied) denied).hresultHex());
        assertEquals(TestCa.CA_NAME, denied.caName());

        assertEquals(
                new EnrollmentResult.Pending(2, "Taken Under Submission", TestCa.CA_NAME), handle.retrieve(2, false));
        handle.close();
        connection.destroy();
    }

    @Test
    void connectionsAreNeverLentToAnotherIdentity() throws ResourceException {
        CaManagedConnection service = (CaManagedConnection) factory.createManagedConnection(null, null);
        assertSame(service, factory.matchManagedConnections(Set.of(service), null, CaRequestInfo.SERVICE));
        assertNull(factory.matchManagedConnections(Set.of(service), null, new CaRequestInfo("alice@LAB.EXAMPLE")));
        assertEquals(new CaRequestInfo("alice@LAB.EXAMPLE"), new CaRequestInfo("alice@LAB.EXAMPLE"));
        service.destroy();
    }

    @Test
    void impersonationWithoutAKeytabIsNamed() {
        CaConnectFailure e = assertThrows(
                CaConnectFailure.class,
                () -> factory.createManagedConnection(null, new CaRequestInfo("alice@LAB.EXAMPLE")));
        assertTrue(
                e.getMessage()
                        .startsWith("cannot connect to CA 127.0.0.1\\Test-CA as alice@LAB.EXAMPLE: impersonation"
                                + " needs KerberosPrincipal, Keytab"),
                e.getMessage());
        assertEquals(CaException.Kind.CONFIGURATION, e.kind());
        assertInstanceOf(InvalidPropertyException.class, e.getCause());
    }

    private static EnrollmentRequest request(String template) {
        return new EnrollmentRequest(
                RequestFormat.PKCS10, new byte[] {1, 2, 3}, Map.of("CertificateTemplate", template), false);
    }

    @Test
    void handleClosesBackToThePoolAndDiesWithIt() throws ResourceException, CaException {
        CaManagedConnection connection = (CaManagedConnection) factory.createManagedConnection(null, null);
        List<ConnectionEvent> events = new ArrayList<>();
        connection.addConnectionEventListener(recording(events));

        CaConnectionHandle handle = (CaConnectionHandle) connection.getConnection(null, null);
        assertEquals("127.0.0.1:" + ca.icprPort(), handle.endpoint());
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
        try (TestCa other = new TestCa()) {
            CaManagedConnection foreign =
                    (CaManagedConnection) configured(other.endpointMapperPort()).createManagedConnection(null, null);
            assertNull(factory.matchManagedConnections(Set.of(foreign), null, null));
            foreign.destroy();
        }
    }

    private static ConnectionEventListener recording(List<ConnectionEvent> events) {
        return PoolEvents.on(events::add, events::add);
    }
}
