package org.cews.client.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What the command takes from its surroundings: streams, variables, the console, time, randomness. */
public record Environment(
        PrintStream out,
        PrintStream err,
        Map<String, String> variables,
        Optional<Console> console,
        Clock clock,
        SecureRandom random,
        Path home,
        Sleeper sleeper) {

    /** Waits between polls (a test passes one that does not wait). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static Environment system() {
        return new Environment(
                System.out,
                System.err,
                System.getenv(),
                Optional.ofNullable(System.console()),
                Clock.systemUTC(),
                new SecureRandom(),
                Path.of(System.getProperty("user.home", ".")),
                d -> Thread.sleep(d.toMillis()));
    }
}
