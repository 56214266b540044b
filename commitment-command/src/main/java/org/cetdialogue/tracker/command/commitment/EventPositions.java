package org.cetdialogue.tracker.command.commitment;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.query.EventPosition;
import org.cetdialogue.tracker.api.query.FindEventPositionQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers where an appended event was stored, from the event store the write side appends to. The global position is
 * given by the store on insert and Axon's append does not hand it back, so it is read back through Axon's own
 * abstractions: the tracked events after a position known to precede the event (the head when its command started,
 * {@link FindEventPositionQuery#SEARCH_FROM}), until the one with that commitment and sequence number. Two writers at
 * once each find their own event: the (aggregate, sequence) pair is unique in the store. With a storage engine in this
 * process (H2, PostgreSQL, in memory) the read is one query of the events appended since; with Axon Server, a stream
 * of the store from that position.
 */
@Component
public class EventPositions {

    private static final long STREAM_WAIT_MILLIS = 2_000;

    private final EventStore eventStore;
    private final ObjectProvider<EventStorageEngine> storageEngine;

    public EventPositions(EventStore eventStore, ObjectProvider<EventStorageEngine> storageEngine) {
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
    }

    @QueryHandler
    public EventPosition handle(FindEventPositionQuery query) {
        EventStorageEngine engine = storageEngine.getIfUnique();
        long position = engine != null
                ? fromEngine(engine, tokenAfter(query.after(), !(engine instanceof InMemoryEventStorageEngine)), query)
                : fromStream(tokenAfter(query.after(), false), query);
        return new EventPosition(query.commitmentId(), query.sequence(), position);
    }

    /** The head of the store now: every event appended from now on lies after it; -1 for an empty store. */
    public long head() {
        return position(eventStore.createHeadToken()).orElse(-1L);
    }

    private static long fromEngine(EventStorageEngine engine, TrackingToken after, FindEventPositionQuery query) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(after, false)) {
            return events.filter(event -> isTheOne(event, query))
                    .findFirst()
                    .flatMap(event -> position(event.trackingToken()))
                    .orElse(-1L);
        }
    }

    private long fromStream(TrackingToken after, FindEventPositionQuery query) {
        long deadline = System.currentTimeMillis() + STREAM_WAIT_MILLIS;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(after)) {
            while (System.currentTimeMillis() < deadline
                    && events.hasNextAvailable(
                            (int) Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = events.nextAvailable();
                if (isTheOne(event, query)) {
                    return position(event.trackingToken()).orElse(-1L);
                }
            }
            return -1L;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1L;
        }
    }

    private static boolean isTheOne(TrackedEventMessage<?> event, FindEventPositionQuery query) {
        return event instanceof DomainEventMessage<?> domain
                && domain.getSequenceNumber() == query.sequence()
                && query.commitmentId().equals(domain.getAggregateIdentifier());
    }

    /**
     * A token of the store's own kind just after {@code position} (null: from the start): the JDBC and JPA engines
     * track gaps, the in-memory engine and Axon Server count a global sequence.
     */
    private static TrackingToken tokenAfter(long position, boolean gapAware) {
        if (position < 0) {
            return null;
        }
        return gapAware
                ? GapAwareTrackingToken.newInstance(position, List.of())
                : new GlobalSequenceTrackingToken(position);
    }

    private static Optional<Long> position(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(token.position().getAsLong());
    }
}
