package org.cetdialogue.tracker.api.query;

/**
 * A subscription update of {@link FindCommitmentQuery}: the commitment as it stands after the event at global position
 * {@code position}.
 */
public record CommitmentViewUpdate(long position, CommitmentView view) {}
