package org.cetdialogue.tracker.api.audit;

import java.time.Instant;

/**
 * Finds a page of the global stream for auditors (answered by an {@link AuditEventPage}): events after the global
 * position {@code after}, at most {@code limit}, optionally of
 * one commitment, one area, one actor, one event type (simple class name, such as {@code MouSignedEvent}) and recorded
 * in {@code [recordedFrom, recordedTo)}. Null means "any".
 */
public record FindAuditEventsQuery(
        long after,
        int limit,
        String commitment,
        String area,
        String actor,
        String type,
        Instant recordedFrom,
        Instant recordedTo) {

    /** The largest page one query may ask for. */
    public static final int MAX_LIMIT = 1000;
}
