package org.cews.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.cews.lab.rpc.CaRpcServer;

/**
 * What {@link CesBenchmark} measures and for how long, from {@code --name=value} options.
 *
 * @param duration measured seconds of each scenario, cut into one slice per round
 * @param warmup unmeasured seconds before each slice
 * @param prime each scenario's unmeasured run in the warm-up pass before the rounds
 * @param rounds slices per scenario, interleaved forward and backward
 * @param clients concurrent clients of every scenario
 * @param poolSize bound sessions of the direct scenario's pool: the deployed resource adapter's
 *     max-pool-size (deploy/cli/configure-connector.cli), so both sides have as many CA sessions
 * @param requests distinct PKCS#10 requests made before measuring, reused round robin
 * @param soak seconds of the long run after the rounds (0: none), CES only, heap sampled
 * @param sample seconds between heap samples in the long run
 * @param wildflyPid the deployed WildFly's process
 * @param jfr where WildFly's flight recording of the long run goes, if one is wanted
 */
record CesOptions(
        Duration duration,
        Duration warmup,
        Duration prime,
        int rounds,
        int clients,
        int poolSize,
        int requests,
        Duration soak,
        Duration sample,
        Path report,
        Path deploy,
        String https,
        String user,
        long wildflyPid,
        Optional<Path> jfr) {

    /** The deployed resource adapter's max-pool-size (deploy/cli/configure-connector.cli). */
    static final int DEPLOYED_POOL = 20;

    static final String USAGE =
            """
            usage: bench/run-ces.sh [options]   (starts cews with deploy/run.sh, measures, stops it)
              --duration=S      measured seconds per scenario, cut into one slice per round (default 40)
              --warmup=S        unmeasured seconds before each slice (default 5)
              --prime=S         each scenario's unmeasured run before the rounds (default 60)
              --rounds=N        slices per scenario, interleaved forward and backward (default 2)
              --clients=N       concurrent clients of every scenario (default 32)
              --pool-size=N     CA sessions of the direct scenario (default 20, deploy's max-pool-size)
              --requests=N      distinct RSA 2048 PKCS#10 requests made before measuring (default 64)
              --soak=S          seconds of the long run, CES only, heap sampled (default 300; 0: none)
              --sample=S        seconds between the long run's heap samples (default 30)
              --report=FILE     Markdown report (default bench/target/bench-ces-report.md)
              --jfr=FILE        record WildFly with JFR (settings=profile) during the long run
            Scenarios: direct (the connector's client code calling the lab CA, enrollment-agent
            signing on behalf of the user, as the CES does), ces-ut (the CES's UsernamePassword
            endpoint), ces-cert (its Certificate endpoint). See bench/README.md.
            """;

    CesOptions {
        if (duration.isNegative()
                || duration.isZero()
                || warmup.isNegative()
                || prime.isNegative()
                || soak.isNegative()) {
            throw new IllegalArgumentException("--duration must be > 0, --warmup and --soak >= 0");
        }
        if (rounds < 1 || duration.toSeconds() < rounds) {
            throw new IllegalArgumentException("--rounds must be >= 1 and at most --duration's seconds");
        }
        if (sample.toSeconds() < 5) {
            throw new IllegalArgumentException("--sample must be at least 5 s");
        }
        if (clients < 1 || poolSize < 1 || requests < 1) {
            throw new IllegalArgumentException("--clients, --pool-size and --requests must be >= 1");
        }
        if (poolSize + DEPLOYED_POOL > CaRpcServer.MAX_CONNECTIONS || clients > 256) {
            throw new IllegalArgumentException("at most 256 clients and a pool of "
                    + (CaRpcServer.MAX_CONNECTIONS - DEPLOYED_POOL) + " (the lab CA accepts "
                    + CaRpcServer.MAX_CONNECTIONS + " connections; WildFly's pool takes up to "
                    + DEPLOYED_POOL + ")");
        }
        if (wildflyPid <= 0) {
            throw new IllegalArgumentException("--wildfly-pid is required (bench/run-ces.sh passes it)");
        }
    }

    Duration slice() {
        return duration.dividedBy(rounds);
    }

    static CesOptions parse(String[] args) {
        long duration = 40;
        long warmup = 5;
        long prime = 60;
        int rounds = 2;
        int clients = 32;
        int pool = 20;
        int requests = 64;
        long soak = 300;
        long sample = 30;
        Path report = Path.of("bench/target/bench-ces-report.md");
        Path deploy = Path.of("deploy");
        String https = "https://localhost:8443";
        String user = "alice";
        long pid = 0;
        Optional<Path> jfr = Optional.empty();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unknown argument " + a);
            }
            String name = a.substring(2, eq);
            String v = a.substring(eq + 1);
            switch (name) {
                case "duration" -> duration = number(name, v);
                case "warmup" -> warmup = number(name, v);
                case "prime" -> prime = number(name, v);
                case "rounds" -> rounds = (int) number(name, v);
                case "clients" -> clients = (int) number(name, v);
                case "pool-size" -> pool = (int) number(name, v);
                case "requests" -> requests = (int) number(name, v);
                case "soak" -> soak = number(name, v);
                case "sample" -> sample = number(name, v);
                case "report" -> report = Path.of(v);
                case "deploy" -> deploy = Path.of(v);
                case "https" -> https = v;
                case "user" -> user = v;
                case "wildfly-pid" -> pid = number(name, v);
                case "jfr" -> jfr = Optional.of(Path.of(v));
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new CesOptions(
                Duration.ofSeconds(duration),
                Duration.ofSeconds(warmup),
                Duration.ofSeconds(prime),
                rounds,
                clients,
                pool,
                requests,
                Duration.ofSeconds(soak),
                Duration.ofSeconds(sample),
                report,
                deploy,
                https,
                user,
                pid,
                jfr);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " (expected: a number, actual: " + value + ")");
        }
    }
}
