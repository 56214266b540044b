package org.cetdialogue.tracker.query.audit.history;

import java.time.Instant;

/**
 * What the history API selects: events after the global position {@code after}, at most {@code limit}, optionally of
 * one commitment, one area, one actor, one event type (simple class name, such as {@code MouSignedEvent}) and recorded
 * in {@code [recordedFrom, recordedTo)}. Null means "any".
 */
public record HistoryFilter(
        long after,
        int limit,
        String commitment,
        String area,
        String actor,
        String type,
        Instant recordedFrom,
        Instant recordedTo) {}
