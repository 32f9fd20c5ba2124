package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.api.RequestFormat;
import org.cews.wcce.msrpce.FaultStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failover never issues twice: once the request may have reached a CA, whatever goes wrong (a
 * read timeout, a connection dropped mid-call, a fault PDU nobody can verify on a sealed
 * association) is an outcome-unknown error naming that CA, the request goes to no other CA and
 * the CA is not backed off. A returned RPC_S_SERVER_UNAVAILABLE is the CA's answer. A refused
 * logon is a configuration error (WCCE0503), not an outage.
 */
class OutcomeUnknownTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);

    private TestCa a;
    private TestCa b;
    private TestClock clock;
    private AuditRecorder audit;
    private CaManagedConnectionFactory factory;
    private CaConnectionFactoryImpl cf;

    @BeforeEach
    void setUp() throws IOException, ResourceException {
        a = new TestCa("CA-A");
        b = new TestCa("CA-B");
        clock = new TestClock();
        audit = new AuditRecorder();
        factory = new CaManagedConnectionFactory();
        factory.setCaEndpoints("priority=1, host=127.0.0.1, name=CA-A, port=" + a.endpointMapperPort()
                + "; priority=2, host=127.0.0.1, name=CA-B, port=" + b.endpointMapperPort());
        factory.setUnavailableBackoffSeconds(30);
        factory.setReadTimeoutMillis((int) READ_TIMEOUT.toMillis());
        factory.setUserName(TestCa.SERVICE.user());
        factory.setDomain(TestCa.SERVICE.domain());
        factory.setPassword("Svc-Ces-Pw-1");
        factory.useClockAndAudit(clock, audit);
        cf = (CaConnectionFactoryImpl) factory.createConnectionFactory(new TestPool());
    }

    @AfterEach
    void tearDown() throws IOException {
        a.close();
        b.close();
    }

    private EnrollmentResult submit() throws CaException {
        try (CaConnection connection = cf.getConnection()) {
            return connection.submit(new EnrollmentRequest(
                    RequestFormat.PKCS10, new byte[] {1, 2, 3}, Map.of("CertificateTemplate", "User"), false));
        }
    }

    private void assertNotResubmittedNorBackedOff(CaException e) throws CaException {
        assertEquals(CaException.Kind.OUTCOME_UNKNOWN, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1\\CA-A"), e.getMessage());
        assertTrue(e.getMessage().contains("not sent to another CA"), e.getMessage());
        assertEquals(1, a.calls(), "CA-A took the request");
        assertEquals(0, b.mapperConnections(), "and no other CA was asked");
        assertEquals(0, audit.count("WCCE0501"), "CA-A is not recorded as down: " + audit.lines);
        assertEquals(1, audit.count("WCCE0504"), audit.lines.toString());
    }

    @Test
    void aCaThatAnswersAfterTheReadTimeoutGetsTheRequestOnceOverall() throws Exception {
        a.answerAfter(READ_TIMEOUT.multipliedBy(3));
        assertNotResubmittedNorBackedOff(assertThrows(CaException.class, this::submit));
        Thread.sleep(READ_TIMEOUT.multipliedBy(3).toMillis()); // let the late answer come and go
        assertEquals(1, a.calls() + b.calls(), "exactly one submission overall");

        a.answerAfter(Duration.ZERO);
        assertInstanceOf(EnrollmentResult.Issued.class, submit(), "the next request goes to CA-A again");
        assertEquals(2, a.calls());
    }

    @Test
    void anUnauthenticatedFaultOnTheSealedAssociationDrivesNoFailoverNorBackoff() throws Exception {
        for (FaultStatus forged : new FaultStatus[] {
            new FaultStatus(0x000006BA), new FaultStatus(0x800706BA), FaultStatus.CALL_FAILED, FaultStatus.UNK_IF
        }) {
            setUpAgain();
            a.faultOnCalls(forged);
            assertNotResubmittedNorBackedOff(assertThrows(CaException.class, this::submit));
            assertThrows(CaException.class, this::submit);
            assertEquals(2, a.calls(), "CA-A is tried again at once: no back-off after " + forged);
        }
    }

    private void setUpAgain() throws IOException, ResourceException {
        tearDown();
        setUp();
    }

    @Test
    void aReturnedRpcServerUnavailableIsTheCasAnswer() throws CaException {
        a.refuseIcpr();
        EnrollmentResult.Denied denied = assertInstanceOf(EnrollmentResult.Denied.class, submit());
        assertEquals("0x800706BA", denied.hresultHex());
        assertEquals("CA-A", denied.caName());
        assertEquals(0, b.mapperConnections());
        assertEquals(0, audit.count("WCCE0501"), audit.lines.toString());
    }

    @Test
    void aRefusedLogonIsAConfigurationErrorNotAnOutage() throws CaException {
        factory.setPassword("not the password");
        CaException first = assertThrows(CaException.class, this::submit);
        assertEquals(CaException.Kind.AUTHENTICATION, first.kind(), first.getMessage());
        assertEquals(0, audit.count("WCCE0501"), "not every CA down: " + audit.lines);
        assertEquals(1, audit.count("WCCE0503"), audit.lines.toString());
        int tries = a.mapperConnections();
        CaException second = assertThrows(CaException.class, this::submit);
        assertEquals(CaException.Kind.AUTHENTICATION, second.kind(), second.getMessage());
        assertTrue(a.mapperConnections() > tries, "no back-off: CA-A is tried again");
        assertEquals(1, audit.count("WCCE0503"), "logged once until it works: " + audit.lines);
    }
}
