package org.cetdialogue.tracker.api.query;

/**
 * The answer to {@link FindPositionReachedQuery}: whether {@code processor} has applied every event up to
 * {@code position}, and the position of its slowest segment (null when no instance answering runs it).
 */
public record PositionReached(String processor, long position, boolean reached, Long processorPosition) {}
