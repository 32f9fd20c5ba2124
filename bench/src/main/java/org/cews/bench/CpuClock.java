package org.cews.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time of the processes a run involves (WildFly, the lab, this load generator), from Linux's
 * {@code /proc/<pid>/stat} (utime + stime, in clock ticks of 1/100 s: USER_HZ is 100 on every Linux
 * architecture Java runs on), and how busy the whole machine was, from {@code /proc/stat}. Where
 * {@code /proc} cannot be read, the numbers are NaN and the report says so.
 */
final class CpuClock {

    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU ticks per process name, the machine's busy and total ticks, at one instant. */
    record Reading(Map<String, Long> ticks, long machineBusy, long machineTotal) {

        /** CPU seconds each process used since {@code earlier}. */
        Map<String, Double> cpuSince(Reading earlier) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            ticks.forEach((name, t) -> {
                Long before = earlier.ticks.get(name);
                seconds.put(name, t < 0 || before == null || before < 0 ? Double.NaN : (t - before) / TICKS_PER_SECOND);
            });
            return seconds;
        }

        /** The fraction of all cores that were busy since {@code earlier}. */
        double busySince(Reading earlier) {
            long total = machineTotal - earlier.machineTotal;
            return total <= 0 ? Double.NaN : (machineBusy - earlier.machineBusy) / (double) total;
        }
    }

    /** A process to watch and the name the report gives it. */
    record Watched(String name, long pid) {}

    private final List<Watched> processes;

    CpuClock(List<Watched> processes) {
        this.processes = List.copyOf(processes);
    }

    List<Watched> processes() {
        return processes;
    }

    Reading read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Watched p : processes) {
            ticks.put(p.name(), processTicks(p.pid()));
        }
        long[] machine = machineTicks();
        return new Reading(ticks, machine[0], machine[1]);
    }

    /** utime + stime (fields 14 and 15 of /proc/<pid>/stat, counted after the command's closing parenthesis). */
    static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The first line of /proc/stat: busy (all but idle and iowait) and total ticks. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
