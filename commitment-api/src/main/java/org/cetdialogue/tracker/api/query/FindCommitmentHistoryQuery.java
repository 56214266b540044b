package org.cetdialogue.tracker.api.query;

/** Asks for the events of one commitment, in order. */
public record FindCommitmentHistoryQuery(String commitmentId) {}
