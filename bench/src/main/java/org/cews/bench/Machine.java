package org.cews.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the numbers were measured on, for the report's head.
 *
 * @param loadAverage the system's one-minute load average when the run began, before the lab
 *     started: on a shared machine, what others were running
 */
record Machine(
        int cores, String cpu, String os, String jvm, long maxHeapBytes, String stateFileSystem, double loadAverage) {

    static Machine describe(Path stateDir) {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpuModel().orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                Runtime.getRuntime().maxMemory(),
                fileSystem(stateDir),
                currentLoadAverage());
    }

    /** The one-minute load average, negative where the OS does not tell. */
    static double currentLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The first {@code model name} of /proc/cpuinfo, on Linux. */
    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String fileSystem(Path dir) {
        try {
            return Files.getFileStore(dir).type();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
