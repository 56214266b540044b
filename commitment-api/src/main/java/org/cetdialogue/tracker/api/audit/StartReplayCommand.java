package org.cetdialogue.tracker.api.audit;

/**
 * Rebuilds a projection (by its processing group's name, or {@code all}) from the events. The result is the replay's
 * {@link ReplayProgress}; refused with an {@link AuditRefusal} of {@link AuditRefusalCode#UNKNOWN_PROJECTION} or
 * {@link AuditRefusalCode#REPLAY_RUNNING}.
 */
public record StartReplayCommand(String projection) {}
