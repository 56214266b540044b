package org.cetdialogue.tracker.api.query;

/** The global position of the event of {@code commitmentId} at {@code sequence}; -1 when it was not found. */
public record EventPosition(String commitmentId, long sequence, long position) {}
