package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Implementation began on {@code startedOn}. */
@Revision("1")
public record ImplementationStartedEvent(String commitmentId, LocalDate startedOn, String reason)
        implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return startedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.advanceTo(LifecycleStatus.IMPLEMENTING);
    }

    @Override
    public String summary() {
        return "Implementation started on " + startedOn;
    }
}
