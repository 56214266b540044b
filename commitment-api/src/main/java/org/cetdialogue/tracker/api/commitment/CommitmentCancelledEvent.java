package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** The commitment was abandoned on {@code cancelledOn}, for {@code reason}. */
@Revision("1")
public record CommitmentCancelledEvent(String commitmentId, LocalDate cancelledOn, String reason)
        implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return cancelledOn;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.CANCEL;
    }

    @Override
    public Optional<CorrectableEntry> correctableEntry() {
        return Optional.of(CorrectableEntry.pastFact(this));
    }

    @Override
    public String summary() {
        return "Cancelled on " + cancelledOn + ": " + reason;
    }
}
