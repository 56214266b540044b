package org.cetdialogue.tracker.api.audit;

/** Finds the public key that verifies the chain's signed checkpoints, answered by a {@link CheckpointKey}. */
public record FindCheckpointKeyQuery() {}
