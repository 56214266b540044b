package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The event at {@code correctedSequence} (of type {@code correctedEventType}) is corrected: {@code before} holds the
 * values it had, {@code after} the values it has now; {@code funder} names the funder of a corrected funding event.
 */
@Revision("1")
public record EntryCorrectedEvent(
        String commitmentId,
        long correctedSequence,
        String correctedEventType,
        String funder,
        CorrectedFields before,
        CorrectedFields after,
        String reason)
        implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return null;
    }
}
