package org.cetdialogue.tracker.query.lifecycle;

import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.LifecycleStep;

/**
 * Where a commitment stands, as the projections derive it from its events: its current lifecycle status, the furthest
 * step it has reached (kept through a suspension or a cancellation) and how many milestones it has recorded.
 *
 * <p>The assessment follows the Open Government Partnership's scale: proposed is not started; signed, or launched
 * without a milestone, is limited; launched with milestones, or implementing, is substantial; completed is complete.
 */
public record Progress(LifecycleStatus status, LifecycleStatus reached, int milestones) {

    public static final Progress PROPOSED = new Progress(LifecycleStatus.PROPOSED, LifecycleStatus.PROPOSED, 0);

    /** The progress after {@code event}, by the lifecycle step it takes ({@link CommitmentEvent#lifecycleStep()}). */
    public Progress next(CommitmentEvent event) {
        LifecycleStep step = event.lifecycleStep();
        return switch (step.move()) {
            case PROPOSE -> PROPOSED;
            case ADVANCE -> new Progress(step.to(), step.to(), milestones);
            case SUSPEND, RESUME, CANCEL -> new Progress(step.to(), reached, milestones);
            case MILESTONE -> new Progress(status, reached, milestones + 1);
            case NONE -> this;
        };
    }

    /** Whether {@code event} moved the commitment to a further step (the events an assessment is based on). */
    public static boolean isStep(CommitmentEvent event) {
        return event.lifecycleStep().reachesStep();
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
}
