package org.cetdialogue.tracker.query.lifecycle;

import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;

/**
 * Where a commitment stands, as the projections derive it from its events: its current lifecycle status, the furthest
 * step it has reached (kept through a suspension or a cancellation) and how many milestones it has recorded.
 *
 * <p>The assessment follows the Open Government Partnership's scale: proposed is not started; signed, or launched
 * without a milestone, is limited; launched with milestones, or implementing, is substantial; completed is complete.
 */
public record Progress(LifecycleStatus status, LifecycleStatus reached, int milestones) {

    public static final Progress PROPOSED = new Progress(LifecycleStatus.PROPOSED, LifecycleStatus.PROPOSED, 0);

    /** The progress after {@code event}; unchanged for events that do not move the lifecycle. */
    public Progress next(CommitmentEvent event) {
        if (event instanceof CommitmentProposedEvent || event instanceof MouProposedEvent) {
            return PROPOSED;
        } else if (event instanceof MouSignedEvent) {
            return step(LifecycleStatus.SIGNED);
        } else if (event instanceof ProgramLaunchedEvent) {
            return step(LifecycleStatus.LAUNCHED);
        } else if (event instanceof ImplementationStartedEvent) {
            return step(LifecycleStatus.IMPLEMENTING);
        } else if (event instanceof CommitmentCompletedEvent) {
            return step(LifecycleStatus.COMPLETED);
        } else if (event instanceof CommitmentSuspendedEvent) {
            return new Progress(LifecycleStatus.SUSPENDED, reached, milestones);
        } else if (event instanceof CommitmentResumedEvent resumed) {
            return new Progress(resumed.resumedStatus(), reached, milestones);
        } else if (event instanceof CommitmentCancelledEvent) {
            return new Progress(LifecycleStatus.CANCELLED, reached, milestones);
        } else if (event instanceof MilestoneRecordedEvent) {
            return new Progress(status, reached, milestones + 1);
        }
        return this;
    }

    /** Whether {@code event} moved the commitment to a further step (the events an assessment is based on). */
    public static boolean isStep(CommitmentEvent event) {
        return event instanceof CommitmentProposedEvent
                || event instanceof MouProposedEvent
                || event instanceof MouSignedEvent
                || event instanceof ProgramLaunchedEvent
                || event instanceof ImplementationStartedEvent
                || event instanceof CommitmentCompletedEvent;
    }

    /** Whether the milestones count towards the assessment (a launched commitment with milestones is substantial). */
    public boolean milestonesCount() {
        return reached == LifecycleStatus.LAUNCHED && milestones > 0;
    }

    public Assessment assessment() {
        return switch (reached) {
            case PROPOSED -> Assessment.NOT_STARTED;
            case SIGNED -> Assessment.LIMITED;
            case LAUNCHED -> milestones > 0 ? Assessment.SUBSTANTIAL : Assessment.LIMITED;
            case IMPLEMENTING -> Assessment.SUBSTANTIAL;
            case COMPLETED -> Assessment.COMPLETE;
            default -> throw new IllegalStateException("not a step of the lifecycle: " + reached);
        };
    }

    private Progress step(LifecycleStatus to) {
        return new Progress(to, to, milestones);
    }
}
