package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.api.RequestFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several CAs behind one connection definition, each an in-process {@link TestCa} on loopback: the
 * order of priority, failover when a CA cannot be reached, a CA's answer taken as final (see also
 * {@link OutcomeUnknownTest}: nothing is resubmitted once it may have reached a CA), a
 * pending request retrieved from the CA that holds it, the back-off on the test clock, and the
 * pool's validation.
 */
class FailoverTest {

    private static final Duration BACKOFF = Duration.ofSeconds(30);

    private TestCa a;
    private TestCa b;
    private TestClock clock;
    private AuditRecorder audit;
    private TestPool pool;
    private CaManagedConnectionFactory factory;
    private CaConnectionFactoryImpl cf;

    @BeforeEach
    void setUp() throws IOException, ResourceException {
        a = new TestCa("CA-A");
        b = new TestCa("CA-B");
        clock = new TestClock();
        audit = new AuditRecorder();
        pool = new TestPool();
        factory = new CaManagedConnectionFactory();
        // Listed B first: the priority, not the order, says A comes first.
        factory.setCaEndpoints("priority=2, config=127.0.0.1\\CA-B, port=" + b.endpointMapperPort() + ";\n"
                + "priority=1, host=127.0.0.1, name=CA-A, port=" + a.endpointMapperPort()
                + ", spn=host/ca-a.lab.example");
        factory.setUnavailableBackoffSeconds((int) BACKOFF.toSeconds());
        factory.setUserName(TestCa.SERVICE.user());
        factory.setDomain(TestCa.SERVICE.domain());
        factory.setPassword("Svc-Ces-Pw-1");
        factory.useClockAndAudit(clock, audit);
        cf = (CaConnectionFactoryImpl) factory.createConnectionFactory(pool);
    }

    @AfterEach
    void tearDown() throws IOException {
        a.close();
        b.close();
    }

    private static EnrollmentRequest request(String template) {
        return new EnrollmentRequest(
                RequestFormat.PKCS10, new byte[] {1, 2, 3}, Map.of("CertificateTemplate", template), false);
    }

    private EnrollmentResult submit(String template) throws CaException {
        try (CaConnection connection = cf.getConnection()) {
            return connection.submit(request(template));
        }
    }

    @Test
    void theCaOfHighestPriorityTakesTheRequest() throws CaException {
        assertInstanceOf(EnrollmentResult.Issued.class, submit("User"));
        assertEquals(1, a.calls());
        assertEquals(0, b.mapperConnections());
        assertEquals("CA-A", cf.caName(), "without CaName, the first CA names the CES");
    }

    @Test
    void firstCaDownSecondIssues() throws CaException, IOException {
        a.goDown();
        EnrollmentResult result = submit("User");
        assertEquals(
                "CA-B", assertInstanceOf(EnrollmentResult.Issued.class, result).caName(), "B issued");
        assertEquals(0, a.calls());
        assertEquals(1, b.calls());
        assertEquals(1, audit.count("WCCE0501"), audit.lines.toString());
        assertTrue(audit.lines.get(0).contains("127.0.0.1\\CA-A"), audit.lines.get(0));
    }

    @Test
    void aCaThatDropsTheConnectionMidCallIsNotFailedOverAndTheConnectionIsEvicted() {
        a.hangUpOnCalls();
        CaException e = assertThrows(CaException.class, () -> submit("User"));
        assertEquals(CaException.Kind.OUTCOME_UNKNOWN, e.kind(), e.getMessage());
        assertEquals(0, b.mapperConnections(), "the request may be at A: B never gets it");
        assertEquals(1, pool.destroyed, "CONNECTION_ERROR_OCCURRED took A's broken connection out");
        assertEquals(0, pool.idle().size());
        assertEquals(0, audit.count("WCCE0501"), audit.lines.toString());
    }

    @Test
    void oneCaOnTwoHostsIsOneCaForRetrieval() throws IOException, CaException {
        try (TestCa node1 = new TestCa("CA-A");
                TestCa node2 = new TestCa("CA-A")) {
            factory.setCaEndpoints("priority=1, host=127.0.0.1, name=CA-A, port=" + node1.endpointMapperPort()
                    + "; priority=2, host=127.0.0.1, name=CA-A, port=" + node2.endpointMapperPort()
                    + "; priority=3, host=127.0.0.1, name=CA-B, port=" + b.endpointMapperPort());
            node1.goDown();
            EnrollmentResult.Pending pending = assertInstanceOf(EnrollmentResult.Pending.class, submit("Pend"));
            assertEquals("CA-A", pending.caName());
            try (CaConnection connection = cf.getConnection()) {
                assertInstanceOf(
                        EnrollmentResult.Pending.class, connection.retrieve("ca-a", pending.requestId(), false));
            }
            assertEquals(1, node2.retrievals());
            assertEquals(0, b.mapperConnections());
        }
    }

    @Test
    void aDenialIsTheAnswerAndNeverRetriedElsewhere() throws CaException {
        EnrollmentResult.Denied denied = assertInstanceOf(EnrollmentResult.Denied.class, submit("Denied"));
        assertEquals("0x80094012", denied.hresultHex());
        assertEquals("CA-A", denied.caName(), "A denied");
        assertEquals(1, a.calls());
        assertEquals(0, b.mapperConnections());
        assertEquals(0, audit.lines.size(), audit.lines.toString());
    }

    @Test
    void anErrorFromTheCaIsTheAnswerToo() throws IOException, CaException {
        // A CA that answers E_INVALIDARG (this one is told another CA's name) has answered.
        try (TestCa misnamed = new TestCa("Someone-Else")) {
            factory.setCaEndpoints("priority=1, host=127.0.0.1, name=CA-A, port=" + misnamed.endpointMapperPort()
                    + "; priority=2, host=127.0.0.1, name=CA-B, port=" + b.endpointMapperPort());
            EnrollmentResult.Denied denied = assertInstanceOf(EnrollmentResult.Denied.class, submit("User"));
            assertEquals("0x80070057", denied.hresultHex());
            assertEquals(0, b.mapperConnections());
        }
    }

    @Test
    void pendingOnBIsRetrievedFromBEvenWhenAIsBack() throws CaException, IOException {
        a.goDown();
        EnrollmentResult.Pending pending = assertInstanceOf(EnrollmentResult.Pending.class, submit("Pend"));
        assertEquals("CA-B", pending.caName());

        a.comeBack();
        clock.advance(BACKOFF.plusSeconds(1));
        assertInstanceOf(EnrollmentResult.Issued.class, submit("User"));
        assertEquals(1, a.calls(), "A is back and takes new requests");
        assertEquals(1, audit.count("WCCE0502"), audit.lines.toString());

        try (CaConnection connection = cf.getConnection()) {
            EnrollmentResult again = connection.retrieve(pending.caName(), pending.requestId(), false);
            assertEquals(new EnrollmentResult.Pending(pending.requestId(), "Taken Under Submission", "CA-B"), again);
        }
        assertEquals(1, b.retrievals());
        assertEquals(0, a.retrievals());
        assertEquals(1, a.calls());
    }

    @Test
    void aRetrievalFromACaThatIsDownAsksNoOther() throws CaException, IOException {
        a.goDown();
        EnrollmentResult.Pending pending = assertInstanceOf(EnrollmentResult.Pending.class, submit("Pend"));
        a.comeBack();
        b.goDown();
        clock.advance(BACKOFF.plusSeconds(1));
        try (CaConnection connection = cf.getConnection()) {
            CaException e =
                    assertThrows(CaException.class, () -> connection.retrieve("CA-B", pending.requestId(), false));
            assertTrue(
                    e.getMessage()
                            .startsWith("request " + pending.requestId() + " can only be retrieved from CA CA-B, which"
                                    + " cannot be reached now; no other CA was asked: 127.0.0.1\\CA-B as LAB\\svc-ces"
                                    + " (NTLM): CA CA-B: endpoint mapper at 127.0.0.1:" + b.endpointMapperPort()),
                    e.getMessage());
        }
        assertEquals(0, a.calls());
    }

    @Test
    void aRetrievalFromAnUnknownCaIsRefused() throws CaException {
        try (CaConnection connection = cf.getConnection()) {
            CaException e = assertThrows(CaException.class, () -> connection.retrieve("CA-X", 7, false));
            assertEquals(
                    "no CA named CA-X is configured (configured: CA-A, CA-B); request 7 can only be retrieved from"
                            + " the CA that holds it",
                    e.getMessage());
        }
        assertEquals(0, a.mapperConnections() + b.mapperConnections());
    }

    @Test
    void aCaThatFailedIsSkippedForTheBackoffThenTriedAgain() throws CaException, IOException {
        a.goDown();
        submit("User");
        assertEquals(1, a.mapperConnections());

        clock.advance(BACKOFF.minusSeconds(1));
        submit("User");
        assertEquals(1, a.mapperConnections(), "skipped during the back-off: no connection, no timeout");
        assertEquals(2, b.calls());

        clock.advance(Duration.ofSeconds(2));
        submit("User");
        assertEquals(2, a.mapperConnections(), "tried again after the back-off");
        assertEquals(3, b.calls());
        assertEquals(1, audit.count("WCCE0501"), "still down: logged once " + audit.lines);

        a.comeBack();
        clock.advance(BACKOFF.plusSeconds(1));
        submit("User");
        assertEquals(1, a.calls());
        assertEquals(1, audit.count("WCCE0502"), audit.lines.toString());
    }

    @Test
    void everyCaDownIsOneClearErrorThenFastFailures() throws IOException {
        a.goDown();
        b.goDown();
        CaException first = assertThrows(CaException.class, () -> submit("User"));
        assertTrue(
                first.getMessage()
                        .startsWith("the request was submitted to no CA: 127.0.0.1\\CA-A as LAB\\svc-ces (NTLM): CA"
                                + " CA-A: endpoint mapper at 127.0.0.1:" + a.endpointMapperPort()),
                first.getMessage());
        assertTrue(
                first.getMessage().contains("; 127.0.0.1\\CA-B as LAB\\svc-ces (NTLM): CA CA-B: endpoint mapper"),
                first.getMessage());
        assertEquals(CaException.Kind.UNREACHABLE, first.kind());
        int tries = a.mapperConnections() + b.mapperConnections();

        CaException second = assertThrows(CaException.class, () -> submit("User"));
        assertEquals(tries, a.mapperConnections() + b.mapperConnections());
        assertTrue(
                second.getMessage()
                        .startsWith("the request was submitted to no CA: 127.0.0.1\\CA-A: unavailable since"
                                + " 2026-01-05T09:00:00Z, skipped until 2026-01-05T09:00:30Z (CA CA-A: endpoint mapper"
                                + " at 127.0.0.1:" + a.endpointMapperPort()),
                second.getMessage());
        assertEquals(CaException.Kind.UNREACHABLE, second.kind());
    }

    @Test
    void connectionsArePooledPerCaAndNeverLentToAnother() throws CaException, ResourceException {
        submit("User");
        submit("User");
        assertEquals(1, pool.created, "the second submission reused A's connection");
        CaManagedConnection toA = (CaManagedConnection) pool.idle().iterator().next();
        ConfiguredCa caB = factory.cas().get(1);
        assertNull(factory.matchManagedConnections(Set.of(toA), null, CaRequestInfo.SERVICE.at(caB)));
        assertNull(factory.matchManagedConnections(
                Set.of(toA),
                null,
                new CaRequestInfo("alice@LAB.EXAMPLE", factory.cas().get(0))));
        assertSame(
                toA,
                factory.matchManagedConnections(
                        Set.of(toA),
                        null,
                        CaRequestInfo.SERVICE.at(factory.cas().get(0))));
        assertSame(toA, factory.matchManagedConnections(Set.of(toA), null, null), "the container's own test: any CA");
    }

    @Test
    void aConnectionTheCaClosedIsEvictedByValidationWithoutFailover() throws CaException, IOException {
        submit("User");
        a.goDown(); // the CA restarts: every connection it had is closed
        a.comeBack();
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (factory.getInvalidConnections(pool.idle()).isEmpty() && System.nanoTime() < end) {
            Thread.onSpinWait(); // until the FIN has crossed loopback
        }
        assertInstanceOf(EnrollmentResult.Issued.class, submit("User"));
        assertEquals(2, a.calls());
        assertEquals(0, b.mapperConnections());
        assertEquals(2, pool.created);
        assertEquals(1, pool.destroyed);
        assertEquals(0, audit.lines.size(), audit.lines.toString());
    }

    @Test
    void aConnectionPastItsMaximumAgeIsReplacedSoItAuthenticatesAnew() throws CaException {
        factory.setConnectionMaxAgeMinutes(60);
        submit("User");
        clock.advance(Duration.ofMinutes(59));
        submit("User");
        assertEquals(1, pool.created);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(pool.idle(), factory.getInvalidConnections(pool.idle()));
        submit("User");
        assertEquals(2, pool.created);
        assertEquals(1, pool.destroyed);
    }

    @Test
    void endpointIsTheCaThatWouldTakeASubmission() throws CaException, IOException {
        try (CaConnection connection = cf.getConnection()) {
            assertEquals("127.0.0.1:" + a.icprPort(), connection.endpoint());
        }
        a.goDown();
        clock.advance(BACKOFF.plusSeconds(1));
        try (CaConnection connection = cf.getConnection()) {
            // A is down (its pooled connection closed, new ones refused): B answers.
            assertInstanceOf(EnrollmentResult.Issued.class, connection.submit(request("User")));
            assertEquals("127.0.0.1:" + b.icprPort(), connection.endpoint());
        }
    }

    @Test
    void aClosedConnectionRefusesCalls() throws CaException {
        CaConnection connection = cf.getConnection();
        connection.close();
        CaException e = assertThrows(CaException.class, () -> connection.submit(request("User")));
        assertEquals("this CA connection was closed", e.getMessage());
    }
}
