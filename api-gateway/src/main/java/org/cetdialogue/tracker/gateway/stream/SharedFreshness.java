package org.cetdialogue.tracker.gateway.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;

/**
 * The freshness streams report, asked once for many streams instead of once per stream: each ask reads the head of the
 * event store. A heartbeat takes a reading of its projection at most {@code maxAge} old; an update takes the reading
 * made for that same update (the same object, handed to every subscriber of the projection) by the first of its
 * streams to send it, so every stream reports the freshness of the moment the update went out, as one would alone.
 */
final class SharedFreshness {

    private static final int RECENT_UPDATES = 32;

    private final ProjectionFreshness freshness;
    private final long maxAgeNanos;
    private final Map<String, Reading> ticks = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<UpdateReading> updates = new AtomicReferenceArray<>(RECENT_UPDATES);

    private record Reading(Freshness freshness, long at) {}

    private record UpdateReading(Object update, String processor, Freshness freshness, long at) {}

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

    /** For an update or an initial result: the reading made for this very object, or a new one. */
    Freshness forValue(String processor, Object value) {
        long now = System.nanoTime();
        int slot = (System.identityHashCode(value) & Integer.MAX_VALUE) % RECENT_UPDATES;
        UpdateReading last = updates.get(slot);
        if (last != null
                && last.update() == value
                && last.processor().equals(processor)
                && now - last.at() < Math.max(maxAgeNanos, 1_000_000_000L)) {
            return last.freshness();
        }
        Freshness read = freshness.of(processor);
        updates.set(slot, new UpdateReading(value, processor, read, now));
        return read;
    }
}
