package org.cetdialogue.tracker.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored event as an auditor reads it: where it sits in the global stream, what it is, when it took effect, when
 * it was recorded, who recorded it from which side, why, and its payload as stored.
 *
 * @param position the global position (the cursor of the history API)
 * @param correction for an {@code EntryCorrectedEvent}, the event it corrects and its fields before and after
 */
public record AuditEvent(
        long position,
        String eventId,
        String commitmentId,
        long sequence,
        String type,
        String area,
        LocalDate effectiveOn,
        Instant recordedAt,
        String actor,
        String side,
        String reason,
        String correlationId,
        JsonNode payload,
        Correction correction) {

    /** What a correction changed: the event at {@code correctedSequence}, with the fields before and after. */
    public record Correction(
            long correctedSequence, String correctedEventType, String funder, JsonNode before, JsonNode after) {}
}
