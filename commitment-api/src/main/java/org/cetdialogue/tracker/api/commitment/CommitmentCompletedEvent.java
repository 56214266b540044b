package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The commitment was fulfilled on {@code completedOn}. */
@Revision("1")
public record CommitmentCompletedEvent(String commitmentId, LocalDate completedOn, String note)
        implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return completedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.advanceTo(LifecycleStatus.COMPLETED);
    }

    @Override
    public String summary() {
        return "Completed on " + completedOn;
    }
}
