package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The MOU was signed on {@code signedOn}. */
@Revision("1")
public record MouSignedEvent(String commitmentId, LocalDate signedOn) implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return signedOn;
    }
}
