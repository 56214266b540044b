package org.cetdialogue.tracker.gateway.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.cetdialogue.tracker.gateway.freshness.FreshnessHeaders;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The last answer to each whole-projection read (all areas, one area, the commitment list, funding totals), kept
 * while the projection has applied no new event: a wall of dashboards polling the same totals then costs one query
 * per change instead of one per request. An answer is reused only while its projection's processor stands at the
 * position it was computed at, on the same day ("overdue" is judged against today), and for at most {@code max-age}
 * (a safety net). While a projection is being rebuilt, where this process runs no processor (the Axon Server
 * gateway), or where it holds only some of the processor's segments (instances sharing a database: another applies
 * the rest, later), nothing is kept.
 * Concurrent requests for an answer being computed wait for it rather than compute it again. What changes a projection
 * without moving its processor (a retry of dead letters) must {@link #forget} its answers.
 *
 * <p>A read that waited for a minimum position (read-your-writes, {@link FreshnessHeaders}) is computed afresh, and
 * its answer replaces the kept one: the position alone does not tell whether an event that committed after a later one
 * (a gap its processor was still waiting for) had been applied when a kept answer was computed.
 */
@Component
public class ProjectionReadCache {

    private record Answer(String processingGroup, long position, LocalDate day, long computedAt, Object value) {}

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
        OptionalLong now = freshness.reusablePosition(processingGroup);
        if (maxAgeMillis <= 0 || now.isEmpty()) {
            return compute.get();
        }
        long position = now.getAsLong();
        LocalDate day = LocalDate.now(clock);
        boolean afresh = waitedForPosition();
        return (T) answers.compute(query, (key, cached) -> {
                    long at = clock.millis();
                    if (!afresh
                            && cached != null
                            && cached.position() == position
                            && cached.day().equals(day)
                            && at - cached.computedAt() < maxAgeMillis) {
                        return cached;
                    }
                    return new Answer(processingGroup, position, day, at, compute.get());
                })
                .value();
    }

    private static boolean waitedForPosition() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null
                && Boolean.TRUE.equals(
                        request.getAttribute(FreshnessHeaders.MIN_POSITION_REACHED, RequestAttributes.SCOPE_REQUEST));
    }

    /** Drops the kept answers of {@code processingGroup}: its tables changed without its processor moving. */
    public void forget(String processingGroup) {
        answers.values().removeIf(answer -> answer.processingGroup().equals(processingGroup));
    }
}
