package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The commitment was abandoned on {@code cancelledOn}, for {@code reason}. */
@Revision("1")
public record CommitmentCancelledEvent(String commitmentId, LocalDate cancelledOn, String reason)
        implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return cancelledOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.CANCEL;
    }

    @Override
    public String summary() {
        return "Cancelled on " + cancelledOn + ": " + reason;
    }
}
