package org.cetdialogue.tracker.api.audit;

import java.time.Instant;

/**
 * One parked event: in which processing group, in which sequence (the commitment), which event, and why it failed.
 */
public record DeadLetterView(
        String processingGroup,
        String sequence,
        String eventId,
        String eventType,
        Long aggregateSequence,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched) {}
