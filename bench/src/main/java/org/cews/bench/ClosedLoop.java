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
import java.util.function.IntFunction;

/**
 * Runs one window of the CES benchmark: {@code clients} threads, each sending its next request when
 * the last one returned (closed loop), for the warm-up and then the measured window; the CPU time of
 * the processes in {@link CpuClock} is read when the window opens and when it closes. A request
 * counts if it completes inside the window; the one still running when the window closes is
 * dropped. Its latency is the {@link Issuer#send} call; the check comes after and is not timed.
 */
final class ClosedLoop {

    private static final int MAX_ERROR_KINDS = 20;

    /**
     * What one window recorded.
     *
     * @param latencies nanoseconds of each issued request completed in the window, unsorted
     * @param cpu CPU seconds each watched process used during the window, by name
     * @param machineBusy the fraction of all cores busy during the window, whatever ran (other builds too)
     */
    record Window(
            String scenario,
            Duration window,
            long issued,
            long errors,
            long[] latencies,
            Map<String, Long> errorKinds,
            Map<String, Double> cpu,
            double machineBusy) {

        double throughput() {
            return issued / (window.toNanos() / 1e9);
        }
    }

    private final RequestSet requests;
    private final CpuClock cpu;
    private final AtomicLong next = new AtomicLong();

    ClosedLoop(RequestSet requests, CpuClock cpu) {
        this.requests = requests;
        this.cpu = cpu;
    }

    /** {@code issuers} gives client {@code i} its issuer (a scenario may mix them). */
    Window run(String scenario, int clients, IntFunction<Issuer<?>> issuers, Duration warmup, Duration window)
            throws InterruptedException {
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long until = from + window.toNanos();
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        List<Client<?>> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client<?> client = new Client<>(issuers.apply(i), from, until, kinds);
            all.add(client);
            Thread t = new Thread(client, "ces-bench-" + scenario + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        sleepUntil(from);
        CpuClock.Reading before = cpu.read();
        sleepUntil(until);
        CpuClock.Reading after = cpu.read();
        for (Thread t : threads) {
            t.join();
        }
        long issued = 0;
        long errors = 0;
        for (Client<?> c : all) {
            issued += c.issued;
            errors += c.errors;
        }
        long[] latencies = new long[(int) issued];
        int filled = 0;
        for (Client<?> c : all) {
            System.arraycopy(c.latencies, 0, latencies, filled, c.issued);
            filled += c.issued;
        }
        Map<String, Long> errorKinds = new TreeMap<>();
        kinds.forEach((k, n) -> errorKinds.put(k, n.sum()));
        return new Window(
                scenario,
                window,
                issued,
                errors,
                latencies,
                errorKinds,
                after.cpuSince(before),
                after.busySince(before));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** One client thread and what it recorded; read after join. */
    private final class Client<A> implements Runnable {

        private final Issuer<A> issuer;
        private final long from;
        private final long until;
        private final Map<String, LongAdder> kinds;
        long[] latencies = new long[256];
        int issued;
        long errors;

        Client(Issuer<A> issuer, long from, long until, Map<String, LongAdder> kinds) {
            this.issuer = issuer;
            this.from = from;
            this.until = until;
            this.kinds = kinds;
        }

        @Override
        public void run() {
            while (System.nanoTime() - until < 0) {
                RequestSet.Entry entry = requests.get(next.getAndIncrement());
                long begin = System.nanoTime();
                A answer = null;
                Optional<String> problem = Optional.empty();
                try {
                    answer = issuer.send(entry);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    problem = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                long end = System.nanoTime();
                if (problem.isEmpty()) {
                    problem = issuer.check(answer, entry);
                }
                if (end - until > 0) {
                    return;
                }
                if (end - from < 0) {
                    continue;
                }
                if (problem.isPresent()) {
                    errors++;
                    String kind = problem.get();
                    if (kinds.containsKey(kind) || kinds.size() < MAX_ERROR_KINDS) {
                        kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
                    }
                } else {
                    if (issued == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[issued++] = end - begin;
                }
            }
        }
    }
}
