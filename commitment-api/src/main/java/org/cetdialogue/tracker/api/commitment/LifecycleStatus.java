package org.cetdialogue.tracker.api.commitment;

/** IATI-like lifecycle: proposed, signed (MOUs), launched, implementing, completed; suspended; cancelled. */
public enum LifecycleStatus {
    PROPOSED,
    SIGNED,
    LAUNCHED,
    IMPLEMENTING,
    SUSPENDED,
    COMPLETED,
    CANCELLED;

    /** Completed and cancelled commitments accept nothing but corrections. */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
