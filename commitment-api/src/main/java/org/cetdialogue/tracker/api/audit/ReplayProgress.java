package org.cetdialogue.tracker.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * How far a replay has come: the global position the slowest of its processors has reached, out of the head of the
 * event store when the replay started, as a percentage, with the rate so far and the estimated time left.
 *
 * @param state {@code RUNNING} or {@code DONE}
 * @param eventsPerSecond positions processed per second since the start
 * @param etaSeconds estimated seconds left at that rate; 0 when done, null before any progress
 */
public record ReplayProgress(
        String id,
        String projection,
        List<String> processors,
        String state,
        long position,
        long total,
        double percent,
        double eventsPerSecond,
        Long etaSeconds,
        Instant startedAt,
        Instant finishedAt) {

    public boolean done() {
        return "DONE".equals(state);
    }
}
