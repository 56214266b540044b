package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Suspended work resumed on {@code resumedOn}, back to {@code resumedStatus}. */
@Revision("1")
public record CommitmentResumedEvent(
        String commitmentId, LocalDate resumedOn, LifecycleStatus resumedStatus, String reason)
        implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return resumedOn;
    }
}
