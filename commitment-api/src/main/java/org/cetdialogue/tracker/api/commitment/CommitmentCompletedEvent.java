package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** The commitment was fulfilled on {@code completedOn}. */
@Revision("1")
public record CommitmentCompletedEvent(String commitmentId, LocalDate completedOn, String note)
        implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return completedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.advanceTo(LifecycleStatus.COMPLETED);
    }

    @Override
    public Optional<CorrectableEntry> correctableEntry() {
        return Optional.of(CorrectableEntry.pastFact(this));
    }

    @Override
    public String summary() {
        return "Completed on " + completedOn;
    }
}
