package org.cetdialogue.tracker.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds. */
public final class Stats {

    private Stats() {}

    public static double percentileMillis(long[] nanos, double percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    static String ms(double millis) {
        return String.format("%.2f ms", millis);
    }

    static String perSecond(double rate) {
        return String.format("%,.0f/s", rate);
    }

    static String ratio(double tracker, double baseline) {
        return String.format("%.0f%%", 100.0 * tracker / baseline);
    }

    /** The machine a figure was measured on: cores, CPU, memory, Java. */
    public static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
        return String.format(
                "Machine: %d cores (%s), %.0f GiB, Java %s.",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memKb / 1024.0 / 1024.0,
                System.getProperty("java.version"));
    }

    /** The machine's load average over 1, 5 and 15 minutes ("unknown" off Linux): other work may share the machine. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
