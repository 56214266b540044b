package org.cetdialogue.tracker.gateway.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;

/**
 * The freshness streams report on their heartbeats, asked once for many streams instead of once per stream: each ask
 * reads the head of the event store. A heartbeat takes a reading of its projection at most {@code maxAge} old; an
 * update or an initial result takes a reading of its own.
 */
final class SharedFreshness {

    private final ProjectionFreshness freshness;
    private final long maxAgeNanos;
    private final Map<String, Reading> ticks = new ConcurrentHashMap<>();

    private record Reading(Freshness freshness, long at) {}

    SharedFreshness(ProjectionFreshness freshness, long maxAgeNanos) {
        this.freshness = freshness;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** For a heartbeat: a reading of {@code processor} at most {@code maxAge} old. */
    Freshness forTick(String processor) {
        long now = System.nanoTime();
        Reading last = ticks.get(processor);
        if (last != null && now - last.at() < maxAgeNanos) {
            return last.freshness();
        }
        Freshness read = freshness.of(processor);
        ticks.put(processor, new Reading(read, now));
        return read;
    }

    /** For an update or an initial result: a reading now. */
    Freshness exact(String processor) {
        return freshness.of(processor);
    }
}
