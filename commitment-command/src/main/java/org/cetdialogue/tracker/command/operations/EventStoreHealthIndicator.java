package org.cetdialogue.tracker.command.operations;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code eventStore}: UP when the event store answers with its head position (the JDBC store's
 * highest global index, or Axon Server's), DOWN with the failure's type when it cannot be read.
 */
@Component("eventStoreHealthIndicator")
public class EventStoreHealthIndicator implements HealthIndicator {

    private final EventStore eventStore;

    public EventStoreHealthIndicator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            long position = head == null ? -1 : head.position().orElse(-1);
            return Health.up()
                    .withDetail("store", eventStore.getClass().getSimpleName())
                    .withDetail("headPosition", position)
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getName()).build();
        }
    }
}
