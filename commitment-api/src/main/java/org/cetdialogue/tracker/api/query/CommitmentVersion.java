package org.cetdialogue.tracker.api.query;

/** A commitment's stored version: the sequence number of its last event, -1 when it has none. */
public record CommitmentVersion(String commitmentId, long version) {}
