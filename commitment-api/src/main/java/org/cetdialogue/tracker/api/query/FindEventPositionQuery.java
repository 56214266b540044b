package org.cetdialogue.tracker.api.query;

/**
 * Where in the event store the event of {@code commitmentId} at {@code sequence} was stored: its global position,
 * answered by the write side from the event store. {@code after} is a position known to be before it (the head of the
 * store when the command that appended it started, which a command's result carries in its metadata under
 * {@link #SEARCH_FROM}); the search reads only the events after it.
 */
public record FindEventPositionQuery(String commitmentId, long sequence, long after) {

    /**
     * The metadata key of a command's result that holds the head of the event store when the command started (-1 for
     * an empty store): every event the command appended lies after it.
     */
    public static final String SEARCH_FROM = "eventPositionSearchFrom";
}
