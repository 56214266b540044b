package org.cetdialogue.tracker.gateway.freshness;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.query.FindPositionReachedQuery;
import org.cetdialogue.tracker.api.query.FindProcessorStatusQuery;
import org.cetdialogue.tracker.api.query.PositionReached;
import org.cetdialogue.tracker.api.query.ProcessorStatus;
import org.cetdialogue.tracker.api.query.Projections;
import org.springframework.stereotype.Component;

/**
 * How fresh a projection is, asked of the read side ({@link FindProcessorStatusQuery}), wherever it runs: in this
 * process (standalone) or in the query service behind Axon Server. A read side that does not answer leaves the
 * freshness unknown; it never fails the request that asked.
 */
@Component
public class ProjectionFreshness {

    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(20).toNanos();

    private final QueryGateway queries;

    public ProjectionFreshness(QueryGateway queries) {
        this.queries = queries;
    }

    /** The freshness of {@code processor} ({@link Projections}) against the head of the event store. */
    public Freshness of(String processor) {
        ProcessorStatus status = status(processor, true);
        return status == null
                ? new Freshness(null, null, false, null)
                : new Freshness(status.position(), status.lag(), status.rebuilding(), status.progress());
    }

    /**
     * The position an answer read now from the projection's tables holds at least, where that position tells every
     * change to them (see {@link ProcessorStatus#settledPosition()}). Asks only the processor's own position, not the
     * head of the store: it is asked on every read of a whole projection.
     */
    public OptionalLong reusablePosition(String processor) {
        ProcessorStatus status = status(processor, false);
        return status == null || status.settledPosition() == null
                ? OptionalLong.empty()
                : OptionalLong.of(status.settledPosition());
    }

    /**
     * Waits until {@code processor} has applied every event up to {@code position} ({@link FindPositionReachedQuery}),
     * for at most {@code maxWait}; answers whether it has. It asks again after 1 ms, then after twice as long each
     * time up to 20 ms: where one instance holds every segment the question is answered from the processor's status
     * in memory (no database read; with instances sharing a database, one read of the token table and of the events
     * the other segments have not stored past), and the processors offer nothing to listen to that fires for every
     * segment (a segment with nothing to apply moves on without a unit of work), so a short poll with a cap is both
     * cheap and prompt.
     */
    public boolean awaitPosition(String processor, long position, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            PositionReached now = reached(processor, position);
            if (now != null && now.reached()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    /** Whether {@code processor} has applied every event up to {@code position}; null when the read side is silent. */
    public PositionReached reached(String processor, long position) {
        try {
            return queries.query(new FindPositionReachedQuery(processor, position), PositionReached.class)
                    .join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private ProcessorStatus status(String processor, boolean againstHead) {
        try {
            return queries.query(new FindProcessorStatusQuery(processor, againstHead), ProcessorStatus.class)
                    .join();
        } catch (CompletionException e) {
            return null;
        }
    }
}
