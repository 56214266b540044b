package org.cetdialogue.tracker.query;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;

/**
 * Delivers events to a projection as Axon does: each to the most specific of its {@code @EventHandler}s, with the
 * sequence number and the timestamp of a stored event.
 */
public final class AxonDelivery {

    private final AnnotationEventHandlerAdapter adapter;

    public AxonDelivery(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public void deliver(long sequence, Instant recordedAt, CommitmentEvent event) {
        try {
            adapter.handle(new GenericDomainEventMessage<>(
                    "Commitment",
                    event.commitmentId(),
                    sequence,
                    event,
                    Map.of(),
                    UUID.randomUUID().toString(),
                    recordedAt));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
