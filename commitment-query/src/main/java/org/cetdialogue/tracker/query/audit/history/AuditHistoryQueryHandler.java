package org.cetdialogue.tracker.query.audit.history;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.audit.AuditEventPage;
import org.cetdialogue.tracker.api.audit.CommitmentAuditHistory;
import org.cetdialogue.tracker.api.audit.FindAuditEventsQuery;
import org.cetdialogue.tracker.api.audit.FindCommitmentAuditHistoryQuery;
import org.springframework.stereotype.Component;

/** Answers the history queries from {@link AuditHistory}. */
@Component
public class AuditHistoryQueryHandler {

    private final AuditHistory history;

    public AuditHistoryQueryHandler(AuditHistory history) {
        this.history = history;
    }

    @QueryHandler
    public AuditEventPage handle(FindAuditEventsQuery query) {
        return history.page(query);
    }

    @QueryHandler
    public Optional<CommitmentAuditHistory> handle(FindCommitmentAuditHistoryQuery query) {
        return history.commitment(query.commitmentId());
    }
}
