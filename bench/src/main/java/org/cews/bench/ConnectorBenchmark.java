package org.cews.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.cews.lab.Lab;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabCaFactories;
import org.cews.lab.LabConfig;
import org.cews.lab.LabRealm;
import org.cews.lab.LabStatus;
import org.cews.wcce.client.CaEndpoint;
import org.cews.wcce.client.IcprSession;

/**
 * Issue 5's connector benchmark: issuance round trips per second and their latency through the
 * connector against the lab CA, pooled against unpooled, at each client count (default 1 and 32).
 * Starts the lab in-process (a temporary state directory, ports chosen by the OS), makes the
 * requests, checks one issuance, runs the scenarios, prints the report and writes it to a file,
 * and stops the lab whatever happened. See bench/README.md.
 */
public final class ConnectorBenchmark {

    /** The connector's account in the lab (deploy/env/cews.properties: cews.ca.user). */
    static final String ACCOUNT = "svc-ces";

    private ConnectorBenchmark() {}

    public static void main(String[] args) throws Exception {
        Optional<BenchOptions> options = options(args, BenchOptions.USAGE, BenchOptions::parse);
        if (options.isEmpty()) {
            return;
        }
        quietLab(options.get().labLog());
        publish(run(options.get()).markdown(), options.get().report());
    }

    /**
     * A benchmark's options from its arguments; empty after {@code --help} (usage printed) or a bad
     * option (the problem and the usage printed, exit status 2).
     */
    static <O> Optional<O> options(String[] args, String usage, Function<String[], O> parse) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(usage);
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return Optional.empty();
        }
    }

    /** Prints a report and writes it to {@code report}. */
    static void publish(String markdown, Path report) throws IOException {
        System.out.println();
        System.out.print(markdown);
        Path file = report.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);
        say("report written to " + file);
    }

    static Report run(BenchOptions options) throws Exception {
        Instant started = Instant.now();
        Path state = options.stateDir().isPresent()
                ? Files.createDirectories(options.stateDir().get())
                : Files.createTempDirectory("cews-bench-lab");
        Machine machine = Machine.describe(state);
        Lab lab = null;
        try {
            say("making " + options.requests() + " RSA 2048 PKCS#10 requests");
            long t = System.nanoTime();
            RequestSet requests = RequestSet.generate(options.requests(), new SecureRandom());
            say("  done in " + Duration.ofNanos(System.nanoTime() - t).toMillis() + " ms");

            say("starting the lab in " + state);
            lab = Lab.start(LabConfig.ephemeral(state), LabCaFactories.resolve(Optional.empty()));
            LabStatus status = lab.status();
            X509Certificate caCert = IssuedCheck.parse(Files.readAllBytes(status.caCertificate()));
            SessionFactory sessions = new SessionFactory(
                    new CaEndpoint(LabRealm.LOOPBACK, status.epmPort(), status.caName()),
                    ACCOUNT,
                    LabRealm.NETBIOS_DOMAIN,
                    LabAccounts.load().requireUser(ACCOUNT).password().toCharArray(),
                    LabRealm.principal(LabRealm.CA_SPN));
            IssuedCheck check = new IssuedCheck(caCert);
            issueOnce(sessions, requests, check);

            List<ScenarioResult> results = measure(new ScenarioRunner(requests, check), sessions, options);
            String ca = status.caName() + ", " + describeKey(caCert) + ", " + caCert.getSigAlgName() + "; template "
                    + RequestSet.TEMPLATE + " (subject from the directory)";
            return new Report(started, machine, Machine.currentLoadAverage(), options, ca, results);
        } finally {
            if (lab != null) {
                say("stopping the lab");
                lab.stop();
            }
            if (options.stateDir().isEmpty()) {
                try {
                    deleteTree(state);
                } catch (IOException e) {
                    say("could not delete " + state + ": " + e);
                }
            }
        }
    }

    /** One issuance before anything is measured: a lab or account problem shows here, plainly. */
    private static void issueOnce(SessionFactory sessions, RequestSet requests, IssuedCheck check) throws Exception {
        RequestSet.Entry entry = requests.get(0);
        try (IcprSession session = sessions.open()) {
            Optional<String> problem = check.problem(session.submit(entry.request()), entry);
            if (problem.isPresent()) {
                throw new IllegalStateException("the lab CA did not issue the first request: " + problem.get());
            }
        }
        say("one certificate issued by " + sessions.ca().caName() + " through the endpoint mapper at "
                + sessions.ca().host() + ":" + sessions.ca().endpointMapperPort());
    }

    /**
     * The warm-up pass (every scenario once, not measured), then the rounds: every scenario once
     * per round, forward in odd rounds and backward in even ones, so that a drift in what else
     * the machine runs falls on every scenario alike.
     */
    private static List<ScenarioResult> measure(ScenarioRunner runner, SessionFactory sessions, BenchOptions options)
            throws Exception {
        List<Scenario> scenarios = options.scenarios();
        Duration total = options.warmup()
                .multipliedBy(scenarios.size())
                .plus(options.warmup().plus(options.slice()).multipliedBy((long) scenarios.size() * options.rounds()));
        say("measuring " + scenarios.size() + " scenarios in " + options.rounds() + " rounds: about "
                + total.toSeconds() + " s");
        say("warm-up pass: each scenario for " + options.warmup().toMillis() + " ms, not measured");
        for (Scenario scenario : scenarios) {
            Slice w = slice(runner, sessions, scenario, Duration.ZERO, options.warmup());
            if (w.errors() > 0) {
                say("  " + scenario.label() + ": " + w.errors() + " errors in the warm-up pass: "
                        + w.errorKinds().keySet());
            }
        }
        Map<Scenario, List<Slice>> slices = new LinkedHashMap<>();
        scenarios.forEach(scenario -> slices.put(scenario, new ArrayList<>()));
        for (int round = 0; round < options.rounds(); round++) {
            List<Scenario> order = new ArrayList<>(scenarios);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            say("round " + (round + 1) + " of " + options.rounds());
            for (Scenario scenario : order) {
                Slice slice = slice(runner, sessions, scenario, options.warmup(), options.slice());
                summarize(slice);
                slices.get(scenario).add(slice);
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        slices.forEach((scenario, list) -> results.add(ScenarioResult.of(scenario, list)));
        return results;
    }

    /** One run of a scenario: its own sessions (a fresh pool), its warm-up, its measured window. */
    private static Slice slice(
            ScenarioRunner runner, SessionFactory sessions, Scenario scenario, Duration warmup, Duration window)
            throws Exception {
        if (scenario.mode() == Scenario.Mode.UNPOOLED) {
            try (UnpooledSessions source = new UnpooledSessions(sessions)) {
                return runner.run(scenario, source, warmup, window, Optional.empty());
            }
        }
        long t = System.nanoTime();
        try (PooledSessions pool = PooledSessions.fill(sessions, scenario.sessions())) {
            Duration fill = Duration.ofNanos(System.nanoTime() - t);
            return runner.run(scenario, pool, warmup, window, Optional.of(fill));
        }
    }

    private static void summarize(Slice s) {
        Latencies l = Latencies.of(s.latencies());
        say(String.format(
                Locale.ROOT,
                "  %-34s %6d issued, %7.1f/s, p50 %7.1f ms, p99 %7.1f ms, %d errors",
                s.scenario().label(),
                s.issued(),
                s.throughput(),
                Latencies.millis(l.p50()),
                Latencies.millis(l.p99()),
                s.errors()));
    }

    private static String describeKey(X509Certificate cert) {
        return cert.getPublicKey() instanceof RSAPublicKey rsa
                ? "RSA " + rsa.getModulus().bitLength()
                : cert.getPublicKey().getAlgorithm();
    }

    /**
     * The in-process lab logs every bind and request at INFO; at the default WARNING only
     * problems reach the console, so the benchmark's own lines stay readable.
     */
    private static void quietLab(String level) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s %5$s%6$s%n");
        }
        Logger.getLogger("").setLevel(Level.parse(level));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void say(String line) {
        System.out.println("bench: " + line);
    }
}
