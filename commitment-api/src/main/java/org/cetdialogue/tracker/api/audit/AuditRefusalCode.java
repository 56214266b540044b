package org.cetdialogue.tracker.api.audit;

/** Why the read side refused an audit command or query; a gateway maps each to its HTTP answer. */
public enum AuditRefusalCode {
    /** A replay was asked of a projection that does not exist (400). */
    UNKNOWN_PROJECTION,
    /** A replay was asked while another is running (409). */
    REPLAY_RUNNING,
    /**
     * A replay could not start now: another instance sharing the token store held the projection's segments and did
     * not release them in time (503 with {@code Retry-After}).
     */
    REPLAY_BLOCKED,
    /** A retry was asked of a processing group without a dead-letter queue (404). */
    UNKNOWN_DEAD_LETTER_QUEUE
}
