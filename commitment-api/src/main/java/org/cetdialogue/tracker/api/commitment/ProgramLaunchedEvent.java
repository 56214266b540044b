package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The work was launched on {@code launchedOn}. */
@Revision("1")
public record ProgramLaunchedEvent(String commitmentId, LocalDate launchedOn, String note) implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return launchedOn;
    }
}
