package org.cetdialogue.tracker.query.audit.asof;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.audit.AreasAsOf;
import org.cetdialogue.tracker.api.audit.CommitmentAsOf;
import org.cetdialogue.tracker.api.audit.FindAreasAsOfQuery;
import org.cetdialogue.tracker.api.audit.FindCommitmentAsOfQuery;
import org.springframework.stereotype.Component;

/** Answers the as-of queries from {@link AsOfHistory}. */
@Component
public class AsOfQueryHandler {

    private final AsOfHistory asOf;

    public AsOfQueryHandler(AsOfHistory asOf) {
        this.asOf = asOf;
    }

    @QueryHandler
    public Optional<CommitmentAsOf> handle(FindCommitmentAsOfQuery query) {
        return asOf.commitment(query.commitmentId(), query.effectiveOn(), query.recordedBy());
    }

    @QueryHandler
    public AreasAsOf handle(FindAreasAsOfQuery query) {
        return asOf.areas(query.effectiveOn(), query.recordedBy());
    }
}
