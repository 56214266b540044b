package org.cetdialogue.tracker.api.query;

/**
 * How far one of the read side's processors ({@link Projections}) has got. With {@code againstHead}, also how far
 * behind the head of the event store it is (one more read of the store); without, only its own position.
 */
public record FindProcessorStatusQuery(String processor, boolean againstHead) {}
