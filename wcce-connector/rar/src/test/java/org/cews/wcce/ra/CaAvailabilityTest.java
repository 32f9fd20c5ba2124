package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The back-off on the test clock and under concurrency: when it expires exactly one request probes
 * the CA (the others keep skipping it until the probe's verdict), a late answer on a connection
 * opened before the CA went down does not end the down state (only a new connection does), so
 * WCCE0501/WCCE0502 do not flap, and a refused logon is WCCE0503 without a back-off.
 */
class CaAvailabilityTest {

    private static final Duration BACKOFF = Duration.ofSeconds(30);
    private static final int THREADS = 16;

    private final ConfiguredCa ca = new ConfiguredCa(1, 1, "CA-A", "127.0.0.1", 135, null);
    private final TestClock clock = new TestClock();
    private final AuditRecorder audit = new AuditRecorder();
    private final CaAvailability availability = new CaAvailability(BACKOFF, clock, audit);

    /** What {@code THREADS} requests arriving together are told. */
    private List<CaAvailability.Admission> together() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<CaAvailability.Admission>> answers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<CaAvailability.Admission> request = () -> {
                    start.await();
                    return availability.admit(ca);
                };
                answers.add(pool.submit(request));
            }
            List<CaAvailability.Admission> out = new ArrayList<>();
            for (Future<CaAvailability.Admission> answer : answers) {
                out.add(answer.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<CaAvailability.Admission> admissions, CaAvailability.Admission which) {
        return admissions.stream().filter(which::equals).count();
    }

    @Test
    void exactlyOneRequestProbesPerExpiry() throws Exception {
        availability.failed(ca, "connection refused");
        assertEquals(THREADS, count(together(), CaAvailability.Admission.SKIP), "in the back-off");

        for (int expiry = 0; expiry < 3; expiry++) {
            clock.advance(BACKOFF.plusSeconds(1));
            List<CaAvailability.Admission> first = together();
            assertEquals(1, count(first, CaAvailability.Admission.PROBE), first.toString());
            assertEquals(THREADS - 1, count(first, CaAvailability.Admission.SKIP), first.toString());
            assertEquals(THREADS, count(together(), CaAvailability.Admission.SKIP), "until the probe's verdict");
            availability.failed(ca, "connection refused"); // the probe failed: a new back-off
        }
        assertEquals(1, audit.count("WCCE0501"), "one outage, logged once: " + audit.lines);

        clock.advance(BACKOFF.plusSeconds(1));
        assertEquals(1, count(together(), CaAvailability.Admission.PROBE));
        availability.answered(ca, availability.generation(ca)); // the probe bound a new connection
        assertEquals(THREADS, count(together(), CaAvailability.Admission.GO));
        assertEquals(1, audit.count("WCCE0502"), audit.lines.toString());
    }

    @Test
    void aProbeWithoutAVerdictLetsTheNextRequestProbe() {
        availability.failed(ca, "connection refused");
        clock.advance(BACKOFF.plusSeconds(1));
        assertEquals(CaAvailability.Admission.PROBE, availability.admit(ca));
        assertEquals(CaAvailability.Admission.SKIP, availability.admit(ca));
        availability.probeEnded(ca); // say the probe's request was refused before it was sent
        assertEquals(CaAvailability.Admission.PROBE, availability.admit(ca));
    }

    @Test
    void aLateAnswerOnAConnectionOpenedBeforeTheOutageDoesNotEndIt() {
        long before = availability.generation(ca);
        availability.failed(ca, "connection refused");
        availability.answered(ca, before); // a slow call on an old connection comes back
        assertEquals(CaAvailability.Admission.SKIP, availability.admit(ca), "still down");
        assertEquals(0, audit.count("WCCE0502"), audit.lines.toString());

        availability.failed(ca, "connection refused");
        assertEquals(1, audit.count("WCCE0501"), "no flapping: " + audit.lines);
        availability.answered(ca, availability.generation(ca)); // a connection bound after it
        assertEquals(CaAvailability.Admission.GO, availability.admit(ca));
        assertEquals(1, audit.count("WCCE0502"), audit.lines.toString());
    }

    @Test
    void connectionsOpenedBeforeTheOutageAreNotLentAgain() throws Exception {
        CaManagedConnectionFactory factory = new CaManagedConnectionFactory();
        factory.setCaName("CA-A");
        factory.setCaHost("127.0.0.1");
        factory.useClockAndAudit(clock, audit);
        ConfiguredCa configured = factory.cas().get(0);
        try (TestCa testCa = new TestCa("CA-A")) {
            factory.setCaPort(testCa.endpointMapperPort());
            factory.setUserName(TestCa.SERVICE.user());
            factory.setDomain(TestCa.SERVICE.domain());
            factory.setPassword("Svc-Ces-Pw-1");
            configured = factory.cas().get(0);
            CaManagedConnection old =
                    (CaManagedConnection) factory.createManagedConnection(null, CaRequestInfo.SERVICE.at(configured));
            factory.availability().failed(configured, "connection refused");
            clock.advance(BACKOFF.plusSeconds(1));
            assertNull(
                    factory.matchManagedConnections(Set.of(old), null, CaRequestInfo.SERVICE.at(configured)),
                    "the probe must bind a new connection");
            assertEquals(Set.of(old), factory.getInvalidConnections(Set.of(old)));
            old.destroy();
        }
    }

    @Test
    void aRefusedLogonIsLoggedOnceAndBacksNothingOff() {
        availability.authenticationFailed(ca, "NTLM logon of LAB\\svc-ces refused");
        availability.authenticationFailed(ca, "NTLM logon of LAB\\svc-ces refused");
        assertEquals(1, audit.count("WCCE0503"), audit.lines.toString());
        assertEquals(0, audit.count("WCCE0501"), audit.lines.toString());
        assertEquals(CaAvailability.Admission.GO, availability.admit(ca));
        availability.answered(ca); // a bind proves nothing for NTLM, whose refusal shows at the first call
        availability.authenticationFailed(ca, "NTLM logon of LAB\\svc-ces refused");
        assertEquals(1, audit.count("WCCE0503"), audit.lines.toString());
        availability.answered(ca, availability.generation(ca)); // a call answered: the logon works
        availability.authenticationFailed(ca, "NTLM logon of LAB\\svc-ces refused");
        assertEquals(2, audit.count("WCCE0503"), "logged again after it had worked: " + audit.lines);
    }
}
