package org.cetdialogue.tracker.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One event in the activity feed: its global position in the event store (the order of the feed, and the SSE id a
 * client resumes from), the commitment, what happened, when it took effect and was recorded, by whom and why.
 *
 * <p>{@code summary} is one line of English; {@code details} holds the event's own fields (as stored, without the
 * commitment id: a funder and its {@code amount} with {@code currency} and {@code lowerBound}, a milestone's {@code
 * description}, a status {@code change}…), so that a client can say what happened in its own language. It is empty
 * for entries recorded before the feed kept them.
 */
public record ActivityEntry(
        long position,
        String commitmentId,
        long sequence,
        String eventType,
        String summary,
        LocalDate effectiveOn,
        Instant recordedAt,
        String actor,
        String side,
        String reason,
        Map<String, Object> details) {

    public ActivityEntry {
        details = details == null ? Map.of() : details;
    }
}
