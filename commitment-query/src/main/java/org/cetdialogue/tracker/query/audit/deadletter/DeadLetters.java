package org.cetdialogue.tracker.query.audit.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.cetdialogue.tracker.api.audit.DeadLetterView;
import org.cetdialogue.tracker.query.audit.replay.Replays;
import org.springframework.stereotype.Component;

/**
 * The projections' sequenced dead-letter queues (Axon's, one per processing group): list what is parked and why, and
 * retry it. A retry processes each parked sequence in order with the projection's handlers; a sequence that fails
 * again stays parked.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The processing groups that have a dead-letter queue. */
    public List<String> groups() {
        return Replays.PROJECTIONS.stream()
                .filter(group -> processing.deadLetterQueue(group).isPresent())
                .toList();
    }

    public List<DeadLetterView> list() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String group : groups()) {
            SequencedDeadLetterQueue<EventMessage<?>> queue =
                    processing.deadLetterQueue(group).orElseThrow();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(view(group, letter));
                }
            }
        }
        return letters;
    }

    /**
     * Retries every parked sequence of {@code group} once; returns how many sequences were processed successfully,
     * or empty if the group has no dead-letter queue.
     */
    public Optional<Integer> retry(String group) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(group);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(group);
        if (queue.isEmpty() || processor.isEmpty()) {
            return Optional.empty();
        }
        long sequences = queue.get().amountOfSequences();
        int processed = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.get().processAny()) {
                processed++;
            }
        }
        return Optional.of(processed);
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String sequence = null;
        Long aggregateSequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            sequence = domain.getAggregateIdentifier();
            aggregateSequence = domain.getSequenceNumber();
        }
        return new DeadLetterView(
                group,
                sequence,
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                aggregateSequence,
                letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched());
    }
}
