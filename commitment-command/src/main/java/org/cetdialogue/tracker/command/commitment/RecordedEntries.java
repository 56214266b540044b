package org.cetdialogue.tracker.command.commitment;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CorrectableEntry;
import org.springframework.stereotype.Component;

/**
 * Reads the one stored event a correction names, straight from the event store (by commitment and sequence number,
 * an index lookup), so that the {@link Commitment} need not keep every past event in its state: corrections are rare,
 * commands on a long history are not. Injected into the correcting command handler.
 */
@Component
public class RecordedEntries {

    private final EventStore eventStore;

    public RecordedEntries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The correctable entry the event at {@code sequence} of {@code commitmentId} made, as it was recorded. */
    Optional<CorrectableEntry> entry(String commitmentId, long sequence) {
        if (sequence < 0) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(commitmentId, sequence);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> event = stream.next();
        return event.getSequenceNumber() == sequence && event.getPayload() instanceof CommitmentEvent recorded
                ? recorded.correctableEntry()
                : Optional.empty();
    }
}
