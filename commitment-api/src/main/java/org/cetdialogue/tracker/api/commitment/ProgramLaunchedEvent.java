package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The work was launched on {@code launchedOn}. */
@Revision("1")
public record ProgramLaunchedEvent(String commitmentId, LocalDate launchedOn, String note) implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return launchedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.advanceTo(LifecycleStatus.LAUNCHED);
    }

    @Override
    public String summary() {
        return "Launched on " + launchedOn + (note == null ? "" : ": " + note);
    }
}
