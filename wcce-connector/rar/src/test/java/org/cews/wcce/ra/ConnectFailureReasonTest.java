package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.RequestFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CES sees when no connection can be made: through a pool that wraps the adapter's
 * exception as IronJacamar does ({@link TestPool}), the {@link CaException} names the CA, whom the
 * connector authenticated as, the reason, and its kind; the pool's wrapper stays in the cause chain.
 */
class ConnectFailureReasonTest {

    private static final String PASSWORD = "Svc-Ces-Pw-1";

    private TestCa ca;
    private CaManagedConnectionFactory factory;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        ca = new TestCa();
        factory = new CaManagedConnectionFactory();
        factory.setCaName(TestCa.CA_NAME);
        factory.setCaHost("127.0.0.1");
        factory.setCaPort(ca.endpointMapperPort());
        factory.setUserName(TestCa.SERVICE.user());
        factory.setDomain(TestCa.SERVICE.domain());
        factory.setPassword(PASSWORD);
        factory.setCaServicePrincipal("host/ca01.lab.example@LAB.EXAMPLE");
    }

    @AfterEach
    void tearDown() throws IOException {
        ca.close();
    }

    private CaException submitFails(String user) throws ResourceException {
        CaConnectionFactoryImpl cf = (CaConnectionFactoryImpl) factory.createConnectionFactory(new TestPool());
        EnrollmentRequest request = new EnrollmentRequest(
                RequestFormat.PKCS10, new byte[] {1, 2, 3}, Map.of("CertificateTemplate", "User"), false);
        return assertThrows(CaException.class, () -> {
            try (CaConnection connection = user == null ? cf.getConnection() : cf.getConnection(user)) {
                connection.submit(request);
            }
        });
    }

    private static boolean chainHolds(Throwable e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anUnreachableCaIsNamedWithTheTransportsReason() throws IOException, ResourceException {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        factory.setCaPort(port);
        CaException e = submitFails(null);
        assertEquals(CaException.Kind.UNREACHABLE, e.kind());
        assertEquals(
                "the request was submitted to no CA: 127.0.0.1\\Test-CA as LAB\\svc-ces (NTLM): CA Test-CA: endpoint"
                        + " mapper at 127.0.0.1:" + port + " did not give the ICPR port: Connection refused",
                e.getMessage());
        assertTrue(e.getCause().getMessage().startsWith("IJ000453"), "the pool's exception is the cause");
        assertTrue(chainHolds(e, CaConnectFailure.class), "and the adapter's below it");
    }

    @Test
    void aRefusedNtlmLogonNamesTheAccountNotItsPassword() throws ResourceException {
        factory.setPassword("not-the-password");
        CaException e = submitFails(null);
        assertEquals(CaException.Kind.AUTHENTICATION, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith("the request was submitted to no CA: 127.0.0.1\\Test-CA as LAB\\svc-ces (NTLM): CA"
                                + " Test-CA at 127.0.0.1:" + ca.icprPort() + " refused the call"),
                e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
        assertEquals(0, ca.calls(), "the CA answered no call of an account it did not log on");
    }

    @Test
    void impersonationWithoutAKeytabIsAConfigurationError() throws ResourceException {
        CaException e = submitFails("alice@LAB.EXAMPLE");
        assertEquals(CaException.Kind.CONFIGURATION, e.kind());
        assertEquals(
                "the request was submitted to no CA: 127.0.0.1\\Test-CA as alice@LAB.EXAMPLE: impersonation needs"
                        + " KerberosPrincipal, Keytab and CaServicePrincipal (configure-connector.cli; with"
                        + " CaEndpoints, spn= on each CA)",
                e.getMessage());
        assertEquals(0, ca.mapperConnections(), "nothing was sent to the CA");
    }

    @Test
    void kerberosWithoutAPrincipalIsAConfigurationError() throws ResourceException {
        factory.setAuthenticationType("Kerberos");
        CaException e = submitFails(null);
        assertEquals(CaException.Kind.CONFIGURATION, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith("the request was submitted to no CA: 127.0.0.1\\Test-CA as the connector's account"
                                + " (Kerberos): Kerberos needs KerberosPrincipal, Keytab"),
                e.getMessage());
    }

    @Test
    void impersonationWithoutCredentialsNamesTheUserAndTheImpersonator() throws ResourceException {
        factory.setKerberosPrincipal("svc-ces@LAB.EXAMPLE");
        factory.setKeytab(dir.resolve("no-such.keytab").toString());
        CaException e = submitFails("alice@LAB.EXAMPLE");
        assertEquals(CaException.Kind.AUTHENTICATION, e.kind(), e.getMessage());
        assertTrue(
                e.getMessage()
                        .startsWith("the request was submitted to no CA: 127.0.0.1\\Test-CA as alice@LAB.EXAMPLE (S4U"
                                + " by svc-ces@LAB.EXAMPLE): Kerberos login of svc-ces@LAB.EXAMPLE from "),
                e.getMessage());
        assertInstanceOf(ResourceException.class, e.getCause());
        assertEquals(0, ca.mapperConnections(), "nothing was sent to the CA");
    }

    @Test
    void aKeytabThatCannotLogInIsAConfigurationErrorAndNoCaIsSkipped() throws ResourceException {
        AuditRecorder audit = new AuditRecorder();
        factory.useClockAndAudit(new TestClock(), audit);
        factory.setAuthenticationType("Kerberos");
        factory.setKerberosPrincipal("svc-ces@LAB.EXAMPLE");
        factory.setKeytab(dir.resolve("no-such.keytab").toString());
        for (int i = 0; i < 2; i++) {
            CaException e = submitFails(null);
            assertEquals(CaException.Kind.AUTHENTICATION, e.kind(), e.getMessage());
            assertTrue(!e.getMessage().contains("skipped until"), "not backed off: " + e.getMessage());
        }
        assertEquals(1, audit.count("WCCE0503"), audit.lines.toString());
        assertEquals(0, audit.count("WCCE0501"), "not every CA down: " + audit.lines);
    }
}
