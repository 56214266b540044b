package org.cetdialogue.tracker.gateway.freshness;

import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.query.FindProcessorStatusQuery;
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

    private ProcessorStatus status(String processor, boolean againstHead) {
        try {
            return queries.query(new FindProcessorStatusQuery(processor, againstHead), ProcessorStatus.class)
                    .join();
        } catch (CompletionException e) {
            return null;
        }
    }
}
