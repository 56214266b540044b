package org.cetdialogue.tracker.api.audit;

/**
 * Retries every parked sequence of one projection's processing group, in order. The result is a
 * {@link DeadLetterRetryResult}; refused with an {@link AuditRefusal} of
 * {@link AuditRefusalCode#UNKNOWN_DEAD_LETTER_QUEUE} when the group has no dead-letter queue.
 */
public record RetryDeadLettersCommand(String processingGroup) {}
