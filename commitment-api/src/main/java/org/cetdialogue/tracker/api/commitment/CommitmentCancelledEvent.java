package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The commitment was abandoned on {@code cancelledOn}, for {@code reason}. */
@Revision("1")
public record CommitmentCancelledEvent(String commitmentId, LocalDate cancelledOn, String reason)
        implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return cancelledOn;
    }
}
