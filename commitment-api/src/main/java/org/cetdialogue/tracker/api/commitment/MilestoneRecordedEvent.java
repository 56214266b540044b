package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A milestone was reached on {@code achievedOn}. */
@Revision("1")
public record MilestoneRecordedEvent(String commitmentId, String description, LocalDate achievedOn)
        implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return achievedOn;
    }
}
