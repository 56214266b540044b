package org.cetdialogue.tracker.api.query;

/**
 * The version of a commitment as the event store has it now (the sequence number of its last event), answered by the
 * write side: for a writer that must know what is stored before it sends a command, such as the fact-sheet seed.
 */
public record FindCommitmentVersionQuery(String commitmentId) {}
