package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Suspended work resumed on {@code resumedOn}, back to {@code resumedStatus}. */
@Revision("1")
public record CommitmentResumedEvent(
        String commitmentId, LocalDate resumedOn, LifecycleStatus resumedStatus, String reason)
        implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return resumedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.resumeTo(resumedStatus);
    }

    @Override
    public String summary() {
        return "Resumed on " + resumedOn + ", back to " + resumedStatus.name().toLowerCase();
    }
}
