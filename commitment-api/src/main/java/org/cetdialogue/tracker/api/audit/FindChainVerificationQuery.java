package org.cetdialogue.tracker.api.audit;

/** Recomputes the hash chain from the stored events, answered by a {@link ChainVerification}. Changes nothing. */
public record FindChainVerificationQuery() {}
