package org.cetdialogue.tracker.api.commitment;

import java.util.Objects;

/**
 * What an event does to a commitment's lifecycle: it proposes the commitment, advances it to a further status,
 * suspends, resumes (to a status) or cancels it, records a milestone, or leaves the lifecycle as it is.
 */
public record LifecycleStep(Move move, LifecycleStatus to) {

    public enum Move {
        PROPOSE,
        ADVANCE,
        SUSPEND,
        RESUME,
        CANCEL,
        MILESTONE,
        NONE
    }

    public static final LifecycleStep PROPOSE = new LifecycleStep(Move.PROPOSE, LifecycleStatus.PROPOSED);
    public static final LifecycleStep SUSPEND = new LifecycleStep(Move.SUSPEND, LifecycleStatus.SUSPENDED);
    public static final LifecycleStep CANCEL = new LifecycleStep(Move.CANCEL, LifecycleStatus.CANCELLED);
    public static final LifecycleStep MILESTONE = new LifecycleStep(Move.MILESTONE, null);
    public static final LifecycleStep NONE = new LifecycleStep(Move.NONE, null);

    public LifecycleStep {
        Objects.requireNonNull(move, "move");
    }

    public static LifecycleStep advanceTo(LifecycleStatus status) {
        return new LifecycleStep(Move.ADVANCE, Objects.requireNonNull(status, "status"));
    }

    public static LifecycleStep resumeTo(LifecycleStatus status) {
        return new LifecycleStep(Move.RESUME, status);
    }

    /** Whether the commitment reaches a further step by it (the events an assessment is based on). */
    public boolean reachesStep() {
        return move == Move.PROPOSE || move == Move.ADVANCE;
    }
}
