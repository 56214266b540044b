package org.cetdialogue.tracker.gateway.commitment;

/** The answer to an accepted command: which commitment, and its version after the change. */
public record CommandResult(String commitmentId, long version) {}
