package org.cetdialogue.tracker.api.query;

/** Asks for the current state of one commitment. */
public record FindCommitmentQuery(String commitmentId) implements SubscriptionFilter<CommitmentViewUpdate> {

    @Override
    public Class<CommitmentViewUpdate> updateType() {
        return CommitmentViewUpdate.class;
    }

    /** The updates of this commitment. */
    @Override
    public boolean wants(CommitmentViewUpdate update) {
        return update.view().commitmentId().equals(commitmentId);
    }
}
