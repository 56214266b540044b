package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A milestone was reached on {@code achievedOn}. */
@Revision("1")
public record MilestoneRecordedEvent(String commitmentId, String description, LocalDate achievedOn)
        implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return achievedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.MILESTONE;
    }

    @Override
    public String summary() {
        return "Milestone reached on " + achievedOn + ": " + description;
    }
}
