package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab as a program: started by its main in a JVM of its own, stopped by SIGTERM. */
class LabMainTest {

    @TempDir
    Path state;

    static ProcessBuilder java(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), Lab.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Test
    void runsUntilSigtermThenMarksItselfStopped() throws Exception {
        Path log = state.resolve("lab.log");
        Process lab = java(
                        "--state=" + state.resolve("lab"),
                        "--ldap-port=0",
                        "--kdc-port=0",
                        "--epm-port=0",
                        "--officer-port=0",
                        "--ca-factory=" + FakeLabCa.class.getName())
                .redirectOutput(log.toFile())
                .start();
        Path statusFile = state.resolve("lab").resolve(LabStatus.FILE);
        Properties status = null;
        try {
            for (int i = 0; i < 300 && status == null; i++) {
                if (!lab.isAlive()) {
                    throw new AssertionError("the lab exited early: " + Files.readString(log));
                }
                if (Files.exists(statusFile)) {
                    status = LabStatus.read(statusFile);
                } else {
                    Thread.sleep(100);
                }
            }
            assertEquals("running", status.getProperty("state"), Files.readString(log));
            assertEquals(String.valueOf(lab.pid()), status.getProperty("pid"));
        } finally {
            lab.destroy(); // SIGTERM
            if (!lab.waitFor(30, TimeUnit.SECONDS)) {
                lab.destroyForcibly();
                throw new AssertionError("the lab did not stop on SIGTERM");
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals("stopped", LabStatus.read(statusFile).getProperty("state"), output);
        assertTrue(
                output.lines().anyMatch(l -> l.matches("\\S+ \\S+ INFO LAB0002 lab running: CA Lab-Issuing-CA, .*")),
                output);
        assertTrue(output.contains("LAB0006 lab stopped"), output);
        try (ServerSocket again = new ServerSocket(
                Integer.parseInt(status.getProperty("epm.port")), 1, InetAddress.getByName("127.0.0.1"))) {
            assertTrue(again.isBound());
        }
    }

    @Test
    void withoutACaEngineItExplainsAndExitsWithTwo() throws Exception {
        Process lab = java("--state=" + state, "--ca-factory=no.such.Engine").start();
        assertTrue(lab.waitFor(30, TimeUnit.SECONDS));
        String output = new String(lab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, lab.exitValue(), output);
        assertTrue(output.contains("--ca-factory=no.such.Engine (expected: a class on the class path"), output);
        assertTrue(output.contains("usage:"), output);
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        Process lab = java("--help").start();
        assertTrue(lab.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, lab.exitValue());
        assertTrue(new String(lab.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("--epm-port=N"));
    }
}
