package org.cews.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WildFly's heap after a full collection: {@code jcmd <pid> GC.run} (System.gc(), a full,
 * stop-the-world collection with G1), then {@code jcmd <pid> GC.heap_info}, whose first line gives
 * the heap's committed size and what is used. Used after a full collection is the live data plus
 * what the collector chose to leave, so a series of it over a long run shows whether the server
 * keeps more and more (a leak) or stays flat. Taken only between measured windows, never inside one.
 */
final class JvmProbe {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    /** The heap after a full collection, in KiB. */
    record Heap(long usedKib, long committedKib) {}

    private final long pid;

    JvmProbe(long pid) {
        this.pid = pid;
    }

    /** Empty if jcmd is missing or cannot attach; the report then says the heap was not sampled. */
    Optional<Heap> afterFullGc() {
        try {
            jcmd("GC.run");
            Matcher m = HEAP.matcher(jcmd("GC.heap_info"));
            return m.find()
                    ? Optional.of(new Heap(Long.parseLong(m.group(2)), Long.parseLong(m.group(1))))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Starts a Java Flight Recorder recording in the JVM ({@code settings=profile}: method samples
     * every 10-20 ms), written to {@code file} when {@link #stopRecording} dumps it.
     */
    void startRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.start", "name=cews-bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    void stopRecording() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=cews-bench");
    }

    /** The JVM's flags as jcmd VM.flags gives them (heap limits, collector), for the report. */
    String flags() {
        try {
            return jcmd("VM.flags")
                    .lines()
                    .filter(l -> l.startsWith("-"))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(
                    "jcmd " + pid + " " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
