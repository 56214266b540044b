package org.cetdialogue.tracker.api.query;

/** Asks for the current state of one commitment. */
public record FindCommitmentQuery(String commitmentId) {}
