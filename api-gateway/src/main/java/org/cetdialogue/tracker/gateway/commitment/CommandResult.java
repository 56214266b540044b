package org.cetdialogue.tracker.gateway.commitment;

/**
 * The answer to an accepted command: which commitment, its version after the change, and the global position in the
 * event store of the event the command appended ({@code position}, also in the {@code X-Event-Position} header; null
 * only if the store could not be asked for it after the write). A read with {@code minPosition} set to it shows the
 * write.
 */
public record CommandResult(String commitmentId, long version, Long position) {}
