package org.cetdialogue.tracker.benchmark;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds. */
final class Stats {

    private Stats() {}

    static double percentileMillis(long[] nanos, double percentile) {
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
}
