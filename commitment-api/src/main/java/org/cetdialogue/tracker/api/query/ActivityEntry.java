package org.cetdialogue.tracker.api.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event in the activity feed: its global position in the event store (the order of the feed, and the SSE id a
 * client resumes from), the commitment, what happened, when it took effect and was recorded, by whom and why.
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
        String reason) {}
