package org.cetdialogue.tracker.api.audit;

/**
 * Finds every stored event of one commitment, answered by an optional {@link CommitmentAuditHistory}: empty when no
 * commitment has that id.
 */
public record FindCommitmentAuditHistoryQuery(String commitmentId) {}
