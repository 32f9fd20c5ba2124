package org.cews.bench;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CES benchmark's Markdown report: the machine and the deployment, then per scenario the
 * issued certificates, issued/s, the ratio to the direct connector, latency percentiles over all
 * its slices, errors, and the CPU seconds each process spent per issued certificate; the slices;
 * the long run's windows; WildFly's heap after a full collection, in order.
 */
record CesReport(
        Instant started,
        double loadBefore,
        double loadAfter,
        CesOptions options,
        CesDeployment deployment,
        X509Certificate labCa,
        String wildflyFlags,
        List<CpuClock.Watched> processes,
        Map<String, List<ClosedLoop.Window>> slices,
        List<ClosedLoop.Window> soak,
        List<HeapSample> heap) {

    /** WildFly's heap after a full collection, when, and how many CES issuances had been measured by then. */
    record HeapSample(Duration at, long cesIssued, JvmProbe.Heap heap) {}

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    String markdown() {
        StringBuilder m = new StringBuilder();
        m.append("# cews bench: CES issuance against the connector calling the lab CA directly\n\n");
        Machine machine = Machine.describe(Path.of("."));
        line(m, "- date: %s; %d cores, %s; %s", UTC.format(started), machine.cores(), machine.cpu(), machine.jvm());
        line(m, "- load average (1 min) before / after: %.1f / %.1f", loadBefore, loadAfter);
        line(
                m,
                "- CA: %s (%s, %s), reached at %s:%d; template %s; requests RSA 2048 PKCS#10, %d distinct,"
                        + " made before measuring",
                deployment.ca().caName(),
                key(labCa),
                labCa.getSigAlgName(),
                deployment.ca().host(),
                deployment.ca().endpointMapperPort(),
                RequestSet.TEMPLATE,
                options.requests());
        line(
                m,
                "- %d clients per scenario (closed loop); direct: a pool of %d bound sessions (the deployed"
                        + " adapter's max-pool-size), NTLM as %s, the agent signing on behalf of %s",
                options.clients(),
                options.poolSize(),
                deployment.caUser(),
                deployment.ntName(options.user()));
        line(
                m,
                "- CES: %s (UsernameToken %s) and %s (client certificate for %s from the lab CA), HTTPS/1.1"
                        + " keep-alive, JDK HttpClient",
                deployment.ces("UsernamePassword"),
                deployment.upn(options.user()),
                deployment.ces("Certificate"),
                options.user());
        line(
                m,
                "- warm-up pass %d s per scenario, then %d rounds of %d s per scenario (interleaved), each after %d s"
                        + " of its own warm-up",
                options.prime().toSeconds(),
                options.rounds(),
                options.slice().toSeconds(),
                options.warmup().toSeconds());
        line(m, "- WildFly (pid %d): %s", options.wildflyPid(), wildflyFlags);
        m.append('\n');

        double direct = rate(slices.get(CesBenchmark.DIRECT));
        String names = processes.stream().map(CpuClock.Watched::name).collect(Collectors.joining(" / "));
        m.append("| scenario | issued | issued/s | vs direct | p50 ms | p90 ms | p99 ms | max ms | errors | CPU ms per"
                        + " issuance: ")
                .append(names)
                .append(" | machine busy |\n");
        m.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|\n");
        slices.forEach((name, list) -> row(m, name, list, direct));
        m.append('\n');
        for (String ces : List.of(CesBenchmark.CES_UT, CesBenchmark.CES_CERT)) {
            line(m, "**%s / direct: %.2fx**", ces, rate(slices.get(ces)) / direct);
            m.append('\n');
        }
        cpuBound(m);
        m.append("Slices (issued/s):\n\n");
        slices.forEach((name, list) -> line(
                m,
                "- %s: %s",
                name,
                list.stream().map(w -> fmt("%.1f", w.throughput())).collect(Collectors.joining(", "))));
        errors(m);

        if (!soak.isEmpty()) {
            m.append('\n');
            long issued = soak.stream().mapToLong(ClosedLoop.Window::issued).sum();
            long errors = soak.stream().mapToLong(ClosedLoop.Window::errors).sum();
            line(
                    m,
                    "Long run (%s: clients alternating UsernameToken and certificate): %d windows of %d s, %d issued,"
                            + " %d errors; issued/s per window: %s",
                    CesBenchmark.CES_MIXED,
                    soak.size(),
                    options.sample().toSeconds(),
                    issued,
                    errors,
                    soak.stream().map(w -> fmt("%.1f", w.throughput())).collect(Collectors.joining(", ")));
            row(
                    m.append('\n')
                            .append("| scenario | issued | issued/s | vs direct | p50 ms | p90 ms | p99 ms | max ms"
                                    + " | errors | CPU ms per issuance: ")
                            .append(names)
                            .append(" | machine busy |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|\n"),
                    CesBenchmark.CES_MIXED,
                    soak,
                    Double.NaN);
        }
        m.append("\nWildFly's heap after a full collection (jcmd GC.run, then GC.heap_info), in order:\n\n");
        m.append("| at s | CES issuances measured so far | used MiB | committed MiB |\n|--:|--:|--:|--:|\n");
        for (HeapSample h : heap) {
            line(
                    m,
                    "| %d | %d | %.1f | %.1f |",
                    h.at().toSeconds(),
                    h.cesIssued(),
                    h.heap().usedKib() / 1024.0,
                    h.heap().committedKib() / 1024.0);
        }
        if (heap.isEmpty()) {
            m.append("\n(not sampled: jcmd could not attach to WildFly)\n");
        }
        return m.toString();
    }

    private void row(StringBuilder m, String name, List<ClosedLoop.Window> list, double direct) {
        long issued = list.stream().mapToLong(ClosedLoop.Window::issued).sum();
        long errors = list.stream().mapToLong(ClosedLoop.Window::errors).sum();
        Latencies l = Latencies.of(
                list.stream().flatMapToLong(w -> Arrays.stream(w.latencies())).toArray());
        String cpu = processes.stream()
                .map(p -> {
                    double s = list.stream()
                            .mapToDouble(w -> w.cpu().getOrDefault(p.name(), Double.NaN))
                            .sum();
                    return issued == 0 ? "-" : fmt("%.1f", 1000 * s / issued);
                })
                .collect(Collectors.joining(" / "));
        double busy = list.stream()
                .mapToDouble(ClosedLoop.Window::machineBusy)
                .average()
                .orElse(Double.NaN);
        line(
                m,
                "| %s | %d | %.1f | %s | %.0f | %.0f | %.0f | %.0f | %d | %s | %.0f%% |",
                name,
                issued,
                rate(list),
                Double.isNaN(direct) ? "-" : fmt("%.2fx", rate(list) / direct),
                Latencies.millis(l.p50()),
                Latencies.millis(l.p90()),
                Latencies.millis(l.p99()),
                Latencies.millis(l.max()),
                errors,
                cpu,
                100 * busy);
    }

    /**
     * The CPU all three processes spent per issuance, and what the ratio would be if the machine
     * were CPU-bound by them alone (throughput inversely proportional to that CPU): on a shared
     * machine the measured ratio depends on what else runs; this one does not.
     */
    private void cpuBound(StringBuilder m) {
        Map<String, Double> total = new LinkedHashMap<>();
        slices.forEach((name, list) -> {
            long issued = list.stream().mapToLong(ClosedLoop.Window::issued).sum();
            double s = list.stream()
                    .mapToDouble(w -> w.cpu().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .sum();
            total.put(name, issued == 0 ? Double.NaN : 1000 * s / issued);
        });
        line(
                m,
                "CPU ms per issuance, WildFly + lab + load generator: %s.",
                total.entrySet().stream()
                        .map(e -> e.getKey() + " " + fmt("%.1f", e.getValue()))
                        .collect(Collectors.joining(", ")));
        double direct = total.get(CesBenchmark.DIRECT);
        line(
                m,
                "If these three processes alone were CPU-bound, the ratios would be about %s.",
                total.entrySet().stream()
                        .filter(e -> !e.getKey().equals(CesBenchmark.DIRECT))
                        .map(e -> e.getKey() + " / direct " + fmt("%.2fx", direct / e.getValue()))
                        .collect(Collectors.joining(", ")));
        m.append('\n');
    }

    private void errors(StringBuilder m) {
        Map<String, Long> all = new TreeMap<>();
        slices.values()
                .forEach(list -> list.forEach(
                        w -> w.errorKinds().forEach((k, n) -> all.merge(w.scenario() + ": " + k, n, Long::sum))));
        soak.forEach(w -> w.errorKinds().forEach((k, n) -> all.merge(w.scenario() + ": " + k, n, Long::sum)));
        if (!all.isEmpty()) {
            m.append("\nErrors:\n\n");
            all.forEach((k, n) -> line(m, "- %d x %s", n, k));
        }
    }

    /** All issued over all the time of the slices. */
    static double rate(List<ClosedLoop.Window> list) {
        long issued = list.stream().mapToLong(ClosedLoop.Window::issued).sum();
        double seconds =
                list.stream().mapToDouble(w -> w.window().toNanos() / 1e9).sum();
        return seconds == 0 ? 0 : issued / seconds;
    }

    private static String key(X509Certificate cert) {
        return cert.getPublicKey() instanceof RSAPublicKey rsa
                ? "RSA " + rsa.getModulus().bitLength()
                : cert.getPublicKey().getAlgorithm();
    }

    private static void line(StringBuilder m, String format, Object... args) {
        m.append(fmt(format, args)).append('\n');
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
