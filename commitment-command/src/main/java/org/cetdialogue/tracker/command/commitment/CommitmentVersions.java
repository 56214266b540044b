package org.cetdialogue.tracker.command.commitment;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.query.CommitmentVersion;
import org.cetdialogue.tracker.api.query.FindCommitmentVersionQuery;
import org.springframework.stereotype.Component;

/** Answers what version of a commitment is stored, from the event store the write side appends to. */
@Component
public class CommitmentVersions {

    private final EventStore eventStore;

    public CommitmentVersions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public CommitmentVersion handle(FindCommitmentVersionQuery query) {
        return new CommitmentVersion(
                query.commitmentId(),
                eventStore.lastSequenceNumberFor(query.commitmentId()).orElse(-1L));
    }
}
