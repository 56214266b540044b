package org.cetdialogue.tracker.api.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a commitment: what (type and summary), when it happened ({@code effectiveOn}), when it was recorded,
 * by whom (actor and side), why (reason), and for a correction which event it corrects.
 */
public record HistoryEntry(
        long sequence,
        String eventId,
        String eventType,
        String summary,
        LocalDate effectiveOn,
        Instant recordedAt,
        String actor,
        String side,
        String reason,
        String correlationId,
        Long correctedSequence) {}
