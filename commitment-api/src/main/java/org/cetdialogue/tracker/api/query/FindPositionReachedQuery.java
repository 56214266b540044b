package org.cetdialogue.tracker.api.query;

/**
 * Whether one of the read side's processors ({@link Projections}) has applied every event up to global position
 * {@code position}, including that one: every segment of it is past the position, and the position is not one of the
 * gaps its tokens still wait for (an event committed after a later one).
 */
public record FindPositionReachedQuery(String processor, long position) {}
