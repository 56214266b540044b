package org.cetdialogue.tracker.query.audit.replay;

/** A replay was asked while another is running. */
public class ReplayAlreadyRunningException extends RuntimeException {

    private final String runningId;

    public ReplayAlreadyRunningException(String runningId) {
        super("replay " + runningId + " is still running");
        this.runningId = runningId;
    }

    public String runningId() {
        return runningId;
    }
}
