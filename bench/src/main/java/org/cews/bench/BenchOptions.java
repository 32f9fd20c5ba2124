package org.cews.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import org.cews.lab.rpc.CaRpcServer;

/**
 * What {@link ConnectorBenchmark} measures and for how long, from {@code --name=value} options.
 *
 * @param duration the measured time of each scenario, cut into one slice per round
 * @param warmup the run before each slice, same scenario, not counted; also the length of each
 *     scenario's run in the warm-up pass before round 1
 * @param rounds how many times every scenario runs, interleaved: forward in the first round,
 *     backward in the second, and so on, so a drift in the machine's load falls on all alike
 * @param clients the client counts, ascending; the lowest is the baseline's, the highest the
 *     scaling ratio's other end
 * @param poolSize the sessions of the pooled scenarios; 0: as many as clients
 * @param requests how many distinct PKCS#10 requests to make before measuring (reused round robin)
 * @param report where the Markdown report goes
 * @param stateDir the lab's state directory; empty: a temporary one, deleted at the end
 * @param labLog the level of the lab's java.util.logging output (WARNING keeps the per-request
 *     INFO lines of the in-process lab off the console)
 */
record BenchOptions(
        Duration duration,
        Duration warmup,
        int rounds,
        List<Integer> clients,
        int poolSize,
        int requests,
        Path report,
        Optional<Path> stateDir,
        String labLog) {

    static final String USAGE =
            """
            usage: bench/run.sh [options]   (or java -cp <bench class path> org.cews.bench.ConnectorBenchmark)
              --duration=S        measured seconds per scenario (default 10)
              --warmup=S          warm-up seconds before each slice, not counted (default 3)
              --rounds=N          slices per scenario, interleaved forward and backward (default 2)
              --clients=N,M,...   concurrent clients, each scenario run with each (default 1,32)
              --pool-size=N       sessions in the pooled scenarios; 0: one per client (default 0)
              --requests=N        distinct RSA 2048 PKCS#10 requests made before measuring (default 64)
              --report=FILE       Markdown report (default bench/target/bench-report.md)
              --state=DIR         lab state directory, kept (default: a temporary one, deleted)
              --lab-log=LEVEL     the in-process lab's log level (default WARNING)
            Two scenarios per client count, unpooled and pooled; the baseline is unpooled at the
            lowest client count. A warm-up pass runs each scenario once, unmeasured; then each
            round runs each scenario for duration/rounds. Loopback only; see bench/README.md.
            """;

    BenchOptions {
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("--duration must be > 0 and --warmup >= 0");
        }
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--clients (expected: counts >= 1, actual: " + clients + ")");
        }
        clients = clients.stream().distinct().sorted().toList();
        int most = Math.max(clients.get(clients.size() - 1), poolSize);
        if (most > CaRpcServer.MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--clients and --pool-size (expected: at most "
                    + CaRpcServer.MAX_CONNECTIONS + ", the connections the lab's ICPR listener accepts; actual: "
                    + most + ")");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds (expected: >= 1, actual: " + rounds + ")");
        }
        if (poolSize < 0 || requests < 1) {
            throw new IllegalArgumentException("--pool-size must be >= 0 and --requests >= 1");
        }
        try {
            labLog = Level.parse(labLog.toUpperCase(Locale.ROOT)).getName();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--lab-log (expected: a java.util.logging level such as INFO or WARNING, actual: " + labLog + ")");
        }
    }

    static BenchOptions defaults() {
        return new BenchOptions(
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                2,
                List.of(1, 32),
                0,
                64,
                Path.of("bench", "target", "bench-report.md"),
                Optional.empty(),
                "WARNING");
    }

    /** The measured time of one slice. */
    Duration slice() {
        return duration.dividedBy(rounds);
    }

    /** The scenarios in the order of the first round: at each client count, unpooled then pooled. */
    List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        for (int c : clients) {
            all.add(Scenario.unpooled(c));
            all.add(Scenario.pooled(c, poolSizeFor(c)));
        }
        return all;
    }

    /** The sessions a pooled scenario with {@code clientCount} clients holds. */
    int poolSizeFor(int clientCount) {
        return poolSize == 0 ? clientCount : poolSize;
    }

    /** Parses {@code --name=value} options over the defaults; unknown options are refused. */
    static BenchOptions parse(String... args) {
        BenchOptions d = defaults();
        Duration duration = d.duration;
        Duration warmup = d.warmup;
        int rounds = d.rounds;
        List<Integer> clients = d.clients;
        int poolSize = d.poolSize;
        int requests = d.requests;
        Path report = d.report;
        Optional<Path> stateDir = d.stateDir;
        String labLog = d.labLog;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("option (expected: --name=value, actual: " + arg + ")");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "duration" -> duration = seconds(name, value);
                case "warmup" -> warmup = seconds(name, value);
                case "rounds" -> rounds = integer(name, value);
                case "clients" -> clients = counts(name, value);
                case "pool-size" -> poolSize = integer(name, value);
                case "requests" -> requests = integer(name, value);
                case "report" -> report = Path.of(value);
                case "state" -> stateDir = Optional.of(Path.of(value));
                case "lab-log" -> labLog = value;
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new BenchOptions(duration, warmup, rounds, clients, poolSize, requests, report, stateDir, labLog);
    }

    private static Duration seconds(String name, String value) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " (expected: seconds, actual: " + value + ")");
        }
    }

    private static List<Integer> counts(String name, String value) {
        List<Integer> counts = new ArrayList<>();
        for (String part : value.split(",")) {
            counts.add(integer(name, part.strip()));
        }
        return counts;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " (expected: a whole number, actual: " + value + ")");
        }
    }
}
