package org.cetdialogue.tracker.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The auditors' way into the event store: through Axon's {@link EventStore} (its global stream and its aggregate
 * streams), never through the storage's tables, so that the same code audits the JDBC engine, Axon Server or any
 * other storage. Every event comes back in its stored form ({@link StoredEvent}).
 */
@Component
public class StoredEvents {

    /** For {@link #forEach}: from the first stored event (stores count from 0 or from 1). */
    public static final long FROM_THE_START = -1;

    /** For {@link #forEach}: up to the newest event stored when the read begins. */
    public static final long TO_THE_HEAD = Long.MAX_VALUE;

    /** How long a read waits for the store's next event before it gives up. */
    private static final int PATIENCE_SECONDS = 30;

    private final EventStore eventStore;
    private final Serializer serializer;

    public StoredEvents(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /**
     * The stored form of an event a streaming processor was handed, at its position in the global stream (the token
     * the message carries, which a replay wraps; not the lower bound Axon resolves for a token parameter).
     */
    public StoredEvent of(EventMessage<?> message) {
        if (!(message instanceof TrackedEventMessage<?> tracked)) {
            throw new IllegalArgumentException("not an event from the global stream: " + message.getIdentifier());
        }
        return StoredEvent.of(message, position(tracked.trackingToken()), serializer);
    }

    /** The position of the newest stored event; -1 while there is none. */
    public long headPosition() {
        return position(eventStore.createHeadToken(), -1);
    }

    /**
     * Hands every stored event with a position in {@code (after, until]} to {@code visitor} in global order, until it
     * answers false ({@link #FROM_THE_START}, {@link #TO_THE_HEAD}).
     */
    public void forEach(long after, long until, Predicate<StoredEvent> visitor) {
        TrackingToken head = eventStore.createHeadToken();
        long last = Math.min(until, position(head, -1));
        if (last < 0 || last <= after) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(tokenAfter(after, head))) {
            while (true) {
                if (!stream.hasNextAvailable(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event store sent nothing for " + PATIENCE_SECONDS
                            + " s before reaching position " + last);
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = position(message.trackingToken());
                if (position <= after) {
                    continue;
                }
                if (position > last || !visitor.test(StoredEvent.of(message, position, serializer))) {
                    return;
                }
                if (position == last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
    }

    /** One commitment's events in sequence order, without snapshots (their global positions are not known here). */
    public List<StoredEvent> ofAggregate(String aggregateIdentifier) {
        List<StoredEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateIdentifier, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events.add(StoredEvent.of(message, -1, serializer));
        }
        return events;
    }

    /**
     * A token after which the store's stream continues at {@code position + 1}, of the kind the store's own head token
     * is; null (the tail) from the start.
     */
    private static TrackingToken tokenAfter(long position, TrackingToken head) {
        if (position < 0) {
            return null;
        }
        return head instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(position, List.of())
                : new GlobalSequenceTrackingToken(position);
    }

    private static long position(TrackingToken token, long none) {
        return token == null ? none : token.position().orElse(none);
    }

    private static long position(TrackingToken token) {
        return token.position()
                .orElseThrow(() -> new IllegalStateException("a tracking token without a position: " + token));
    }
}
