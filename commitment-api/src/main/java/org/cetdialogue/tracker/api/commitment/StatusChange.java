package org.cetdialogue.tracker.api.commitment;

/** The status changes {@link ChangeStatusCommand} can ask for. */
public enum StatusChange {
    IMPLEMENTING,
    SUSPENDED,
    RESUMED
}
