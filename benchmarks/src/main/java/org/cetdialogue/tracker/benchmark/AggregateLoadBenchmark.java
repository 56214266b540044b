package org.cetdialogue.tracker.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.RecordMilestoneCommand;

/**
 * Time to handle one command on a commitment with 10, 1,000 and 10,000 past events. The first command loads the
 * whole stream (and, past the threshold, takes a snapshot); the median of the following ones shows the steady state.
 * Each command loads the commitment from the store: the aggregate cache is emptied for it first.
 */
final class AggregateLoadBenchmark {

    record Result(int pastEvents, double firstCommandMillis, double medianMillis) {}

    private final InProcessTracker tracker;

    AggregateLoadBenchmark(InProcessTracker tracker) {
        this.tracker = tracker;
    }

    Result measure(int pastEvents) {
        String prefix = "bench-load-" + pastEvents;
        tracker.bulkAppend(prefix, 1, pastEvents);
        // the processors apply the appended history first: the commands are timed on a quiet machine
        tracker.awaitProjectionsCaughtUp(java.time.Duration.ofMinutes(10));
        String id = prefix + "-0";
        long first = time(id);
        List<Long> rest = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rest.add(time(id));
        }
        long[] nanos = rest.stream().mapToLong(Long::longValue).toArray();
        return new Result(pastEvents, first / 1e6, Stats.percentileMillis(nanos, 50));
    }

    /** One command, its commitment loaded from the store (snapshot and the events after it), not from the cache. */
    private long time(String id) {
        tracker.evict(id);
        long start = System.nanoTime();
        tracker.commands()
                .sendAndWait(
                        new RecordMilestoneCommand(id, "Benchmark milestone", InProcessTracker.DAY, null),
                        InProcessTracker.METADATA);
        return System.nanoTime() - start;
    }
}
