package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Work stopped on {@code suspendedOn}; {@code suspendedStatus} is the status it will resume to. */
@Revision("1")
public record CommitmentSuspendedEvent(
        String commitmentId, LocalDate suspendedOn, LifecycleStatus suspendedStatus, String reason)
        implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return suspendedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.SUSPEND;
    }

    @Override
    public String summary() {
        return "Suspended on " + suspendedOn + ": " + reason;
    }
}
