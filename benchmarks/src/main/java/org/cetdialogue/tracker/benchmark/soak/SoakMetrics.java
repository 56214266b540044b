package org.cetdialogue.tracker.benchmark.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What the soak's clients saw: answers by kind of request and status, and latencies. */
final class SoakMetrics {

    private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void record(String kind, SoakHttp.Response response) {
        record(kind, response.status(), response.nanos());
    }

    void record(String kind, int status, long nanos) {
        statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder())
                .increment();
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    void count(String counter) {
        count(counter, 1);
    }

    void count(String counter, long n) {
        counters.computeIfAbsent(counter, c -> new LongAdder()).add(n);
    }

    long counter(String counter) {
        LongAdder adder = counters.get(counter);
        return adder == null ? 0 : adder.sum();
    }

    /** Statuses of one kind of request, in order, with their counts. */
    Map<Integer, Long> statuses(String kind) {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.getOrDefault(kind, Map.of()).forEach((status, n) -> out.put(status, n.sum()));
        return out;
    }

    long requests(String kind) {
        return statuses(kind).values().stream().mapToLong(Long::longValue).sum();
    }

    long[] latencies(String kind) {
        return latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()).stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    Iterable<String> kinds() {
        return new java.util.TreeSet<>(statuses.keySet());
    }
}
