package org.cetdialogue.tracker.api.commitment;

import java.util.Optional;

/**
 * A fact of a commitment's life that already happened on its effective date: signing, launch, a milestone, the start
 * of implementation, suspension, resumption, completion, cancellation. A correction may change its date.
 */
public sealed interface PastFactEvent extends CommitmentEvent
        permits MouSignedEvent,
                ProgramLaunchedEvent,
                MilestoneRecordedEvent,
                ImplementationStartedEvent,
                CommitmentSuspendedEvent,
                CommitmentResumedEvent,
                CommitmentCompletedEvent,
                CommitmentCancelledEvent {

    @Override
    default Optional<CorrectableEntry> correctableEntry() {
        return Optional.of(CorrectableEntry.pastFact(this));
    }
}
