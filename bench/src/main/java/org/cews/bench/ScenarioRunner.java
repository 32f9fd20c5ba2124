package org.cews.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.client.IcprSession;

/**
 * Runs one slice of a scenario: {@code clients} threads, each submitting its next request as soon as the
 * last one returned (closed loop), for the warm-up and then the measured window. A request counts
 * in the window if it completes inside it; the one still running when the window closes is
 * dropped. Its latency runs from taking the session to giving it back; the check of the
 * certificate comes after and is not timed.
 */
final class ScenarioRunner {

    private static final int MAX_ERROR_KINDS = 20;

    private final RequestSet requests;
    private final IssuedCheck check;
    private final AtomicLong next = new AtomicLong();

    ScenarioRunner(RequestSet requests, IssuedCheck check) {
        this.requests = requests;
        this.check = check;
    }

    Slice run(Scenario scenario, SessionSource sessions, Duration warmup, Duration window, Optional<Duration> poolFill)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + window.toNanos();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < scenario.clients(); i++) {
            Client client = new Client(sessions, measureFrom, measureUntil, errorKinds);
            clients.add(client);
            Thread thread = new Thread(client, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long issued = 0;
        long errors = 0;
        long warmupErrors = 0;
        long sessionNanos = 0;
        for (Client c : clients) {
            issued += c.issued;
            errors += c.errors;
            warmupErrors += c.warmupErrors;
            sessionNanos += c.sessionNanos;
        }
        long[] all = new long[(int) issued];
        int filled = 0;
        for (Client c : clients) {
            System.arraycopy(c.latencies, 0, all, filled, c.issued);
            filled += c.issued;
        }
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return new Slice(scenario, window, issued, errors, warmupErrors, all, sessionNanos, kinds, poolFill);
    }

    /** One client thread and what it recorded; read by the runner after join. */
    private final class Client implements Runnable {

        private final SessionSource sessions;
        private final long measureFrom;
        private final long measureUntil;
        private final Map<String, LongAdder> errorKinds;
        long[] latencies = new long[1024];
        int issued;
        long errors;
        long warmupErrors;
        long sessionNanos;

        Client(SessionSource sessions, long measureFrom, long measureUntil, Map<String, LongAdder> errorKinds) {
            this.sessions = sessions;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.errorKinds = errorKinds;
        }

        @Override
        public void run() {
            while (System.nanoTime() - measureUntil < 0) {
                RequestSet.Entry entry = requests.get(next.getAndIncrement());
                long begin = System.nanoTime();
                long sessionTime = 0;
                Optional<String> problem;
                EnrollmentResult result = null;
                try {
                    IcprSession session = sessions.acquire();
                    long submit = System.nanoTime();
                    try {
                        result = session.submit(entry.request());
                    } finally {
                        long returned = System.nanoTime();
                        sessions.release(session);
                        sessionTime = (submit - begin) + (System.nanoTime() - returned);
                    }
                    problem = Optional.empty();
                } catch (CaException e) {
                    problem = Optional.of(e.getMessage());
                } catch (RuntimeException e) {
                    problem = Optional.of(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = System.nanoTime();
                if (problem.isEmpty()) {
                    problem = check.problem(result, entry);
                }
                if (end - measureUntil > 0) {
                    return; // completed after the window: not counted
                }
                record(end - begin, sessionTime, end - measureFrom >= 0, problem);
            }
        }

        private void record(long latency, long sessionTime, boolean inWindow, Optional<String> problem) {
            if (problem.isPresent()) {
                if (inWindow) {
                    errors++;
                } else {
                    warmupErrors++;
                }
                String kind = problem.get();
                if (errorKinds.containsKey(kind) || errorKinds.size() < MAX_ERROR_KINDS) {
                    errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
                }
            } else if (inWindow) {
                if (issued == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[issued++] = latency;
                sessionNanos += sessionTime;
            }
        }
    }
}
