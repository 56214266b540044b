package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The MOU was signed on {@code signedOn}. */
@Revision("1")
public record MouSignedEvent(String commitmentId, LocalDate signedOn) implements PastFactEvent {

    @Override
    public LocalDate effectiveOn() {
        return signedOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.advanceTo(LifecycleStatus.SIGNED);
    }

    @Override
    public String summary() {
        return "MOU signed on " + signedOn;
    }
}
