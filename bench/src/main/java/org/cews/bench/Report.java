package org.cews.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cews.bench.Scenario.Mode;

/**
 * The benchmark's report in Markdown (printed and written to a file): the machine, the
 * parameters, every scenario's absolute numbers, then the ratios against the baseline measured
 * in the same run (unpooled at the lowest client count). No thresholds: ratios are read, not
 * asserted.
 *
 * @param loadAverageAtEnd the one-minute load average when the measurements ended
 * @param ca what the CA is: its name, its key, the template asked for
 */
record Report(
        Instant started,
        Machine machine,
        double loadAverageAtEnd,
        BenchOptions options,
        String ca,
        List<ScenarioResult> results) {

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Connector benchmark: MS-ICPR issuance through the pool against the lab CA\n\n");
        md.append("Run ").append(started).append(". Absolute numbers hold for this machine and run only; ");
        md.append("compare runs by their ratios.\n\n");
        machine(md);
        parameters(md);
        results(md);
        ratios(md);
        errors(md);
        return md.toString();
    }

    private void machine(StringBuilder md) {
        md.append("## Machine\n\n");
        md.append("- cores: ")
                .append(machine.cores())
                .append(" (")
                .append(machine.cpu())
                .append(")\n");
        md.append("- OS: ").append(machine.os()).append('\n');
        md.append("- JVM: ").append(machine.jvm()).append(", max heap ");
        md.append(machine.maxHeapBytes() / (1024 * 1024)).append(" MiB\n");
        md.append("- lab state on: ").append(machine.stateFileSystem());
        md.append(" (the CA fsyncs its request table on every request)\n");
        md.append("- load average (1 min, ").append(machine.cores()).append(" cores): ");
        md.append(fixed(machine.loadAverage(), 2)).append(" before the lab started (what else ran), ");
        md.append(fixed(loadAverageAtEnd, 2)).append(" at the end (this run included)\n");
        md.append("- client, connector and lab CA in one JVM, over 127.0.0.1\n\n");
    }

    private void parameters(StringBuilder md) {
        md.append("## Parameters\n\n");
        md.append("- CA: ").append(ca).append('\n');
        md.append("- connector: IcprSession, NTLMv2 at packet privacy as LAB\\svc-ces\n");
        md.append("- per scenario: ").append(seconds(options.duration())).append(" s measured in ");
        md.append(options.rounds())
                .append(options.rounds() == 1 ? " slice" : " slices")
                .append(" of ");
        md.append(seconds(options.slice())).append(" s, each after ").append(seconds(options.warmup()));
        md.append(" s of warm-up; rounds interleave the scenarios, forward then backward\n");
        md.append("- before round 1, a warm-up pass runs each scenario for ").append(seconds(options.warmup()));
        md.append(" s, not measured (JIT, lab caches)\n");
        md.append("- clients: ")
                .append(options.clients())
                .append(", closed loop (next request when the last returned)\n");
        md.append("- pooled sessions: ");
        md.append(options.poolSize() == 0 ? "one per client" : String.valueOf(options.poolSize()));
        md.append(", opened before the warm-up\n");
        md.append("- requests: ").append(options.requests());
        md.append(" RSA 2048 PKCS#10 made before measuring, reused round robin\n");
        md.append("- latency: from taking the session to giving it back; counted only if the certificate is ");
        md.append("issued by the lab CA for the request's key\n\n");
    }

    private void results(StringBuilder md) {
        md.append("## Results\n\n");
        md.append("| scenario | issued | issued/s | vs baseline | p50 ms | p90 ms | p99 ms | max ms ");
        md.append("| session ms (mean) | errors |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        Optional<ScenarioResult> baseline = baseline();
        for (ScenarioResult r : results) {
            Latencies l = r.latency();
            md.append("| ").append(r.scenario().label());
            md.append(" | ").append(r.issued());
            md.append(" | ").append(fixed(r.throughput(), 1));
            md.append(" | ")
                    .append(baseline.map(b -> ratio(r.throughput(), b.throughput()))
                            .orElse("n/a"));
            md.append(" | ").append(ms(l.p50())).append(" | ").append(ms(l.p90()));
            md.append(" | ").append(ms(l.p99())).append(" | ").append(ms(l.max()));
            md.append(" | ").append(ms(r.meanSessionNanos()));
            md.append(" | ").append(r.errors()).append(" |\n");
        }
        md.append('\n');
        md.append("\"session ms\" is the part of a request spent getting and giving back its session: unpooled, ");
        md.append("the endpoint-mapper lookup, connect, NTLM bind and close; pooled, taking it from the pool ");
        md.append("(client side: the CA's check of NTLM's reply-less rpc_auth3 falls into the first call).\n");
        for (ScenarioResult r : results) {
            r.poolFill().ifPresent(fill -> md.append("Pool fill (")
                    .append(r.scenario().label())
                    .append(", not measured): ")
                    .append(fill.toMillis())
                    .append(" ms.\n"));
        }
        md.append('\n');
        if (options.rounds() > 1) {
            md.append("Issued/s of each slice, in the order the rounds ran (the spread shows the noise):\n\n");
            md.append("| scenario |");
            for (int i = 1; i <= options.rounds(); i++) {
                md.append(" round ").append(i).append(" |");
            }
            md.append("\n|---|");
            md.append("--:|".repeat(options.rounds()));
            md.append('\n');
            for (ScenarioResult r : results) {
                md.append("| ").append(r.scenario().label()).append(" |");
                for (double t : r.sliceThroughputs()) {
                    md.append(' ').append(fixed(t, 1)).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    private void ratios(StringBuilder md) {
        md.append("## Ratios (same run)\n\n");
        md.append("Baseline: unpooled, ")
                .append(low())
                .append(low() == 1 ? " client" : " clients")
                .append(".\n\n");
        md.append("| ratio | throughput | p50 latency |\n|---|--:|--:|\n");
        for (int clients : options.clients()) {
            row(
                    md,
                    "pooled / unpooled, " + clients + " client" + (clients == 1 ? "" : "s"),
                    find(Mode.POOLED, clients),
                    find(Mode.UNPOOLED, clients));
        }
        if (options.clients().size() > 1) {
            for (Mode mode : Mode.values()) {
                row(md, high() + " / " + low() + " clients, " + mode.label(), find(mode, high()), find(mode, low()));
            }
        }
        md.append('\n');
        md.append("Throughput ratios above 1 mean more issuances per second; latency ratios below 1 mean faster ");
        md.append("requests. See bench/README.md for how to read them.\n\n");
    }

    private static void row(StringBuilder md, String name, Optional<ScenarioResult> a, Optional<ScenarioResult> b) {
        md.append("| ").append(name).append(" | ");
        md.append(
                a.isPresent() && b.isPresent()
                        ? ratio(a.get().throughput(), b.get().throughput())
                        : "n/a");
        md.append(" | ");
        md.append(
                a.isPresent() && b.isPresent()
                        ? ratio(a.get().latency().p50(), b.get().latency().p50())
                        : "n/a");
        md.append(" |\n");
    }

    private void errors(StringBuilder md) {
        md.append("## Errors\n\n");
        boolean any = false;
        for (ScenarioResult r : results) {
            if (r.errors() + r.warmupErrors() == 0) {
                continue;
            }
            any = true;
            md.append("- ")
                    .append(r.scenario().label())
                    .append(": ")
                    .append(r.errors())
                    .append(" in the window, ");
            md.append(r.warmupErrors()).append(" in the warm-up\n");
            for (Map.Entry<String, Long> kind : r.errorKinds().entrySet()) {
                md.append("  - ")
                        .append(kind.getValue())
                        .append(" x ")
                        .append(kind.getKey())
                        .append('\n');
            }
        }
        md.append(any ? "\n" : "None: every counted request returned an issued certificate.\n");
    }

    private Optional<ScenarioResult> baseline() {
        return find(Mode.UNPOOLED, low());
    }

    private Optional<ScenarioResult> find(Mode mode, int clients) {
        return results.stream()
                .filter(r -> r.scenario().mode() == mode && r.scenario().clients() == clients)
                .findFirst();
    }

    private int low() {
        return options.clients().get(0);
    }

    private int high() {
        return options.clients().get(options.clients().size() - 1);
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "n/a" : fixed(a / b, 2) + "x";
    }

    private static String ms(long nanos) {
        return fixed(Latencies.millis(nanos), 1);
    }

    private static String seconds(Duration d) {
        return fixed(d.toMillis() / 1000.0, d.toMillis() % 1000 == 0 ? 0 : 1);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
