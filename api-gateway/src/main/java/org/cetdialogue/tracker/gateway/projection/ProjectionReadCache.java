package org.cetdialogue.tracker.gateway.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The last answer to each whole-projection read (all areas, one area, the commitment list, funding totals), kept
 * while the projection has applied no new event: a wall of dashboards polling the same totals then costs one query
 * per change instead of one per request. An answer is reused only while its projection's processor stands at the
 * position it was computed at, on the same day ("overdue" is judged against today), and for at most {@code max-age}
 * (a safety net for instances sharing a database, where another instance may apply part of the events). While a
 * projection is being rebuilt, or where this process runs no processor (the Axon Server gateway), nothing is kept.
 * Concurrent requests for an answer being computed wait for it rather than compute it again.
 */
@Component
class ProjectionReadCache {

    private record Answer(long position, LocalDate day, long computedAt, Object value) {}

    private final ProjectionFreshness freshness;
    private final Clock clock;
    private final long maxAgeMillis;
    private final Map<Object, Answer> answers = new ConcurrentHashMap<>();

    ProjectionReadCache(
            ProjectionFreshness freshness,
            ObjectProvider<Clock> clock,
            @Value("${tracker.read-cache.max-age:PT1M}") Duration maxAge) {
        this.freshness = freshness;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** The answer to {@code query} (a record: its equality is the key), from {@code processingGroup}'s tables. */
    @SuppressWarnings("unchecked")
    <T> T get(String processingGroup, Object query, Supplier<T> compute) {
        // the position is read before the answer is computed: the answer holds at least every event up to it
        Freshness now = freshness.of(processingGroup);
        if (maxAgeMillis <= 0 || now.position() == null || now.rebuilding()) {
            return compute.get();
        }
        long position = now.position();
        LocalDate day = LocalDate.now(clock);
        return (T) answers.compute(query, (key, cached) -> {
                    long at = clock.millis();
                    if (cached != null
                            && cached.position() == position
                            && cached.day().equals(day)
                            && at - cached.computedAt() < maxAgeMillis) {
                        return cached;
                    }
                    return new Answer(position, day, at, compute.get());
                })
                .value();
    }
}
