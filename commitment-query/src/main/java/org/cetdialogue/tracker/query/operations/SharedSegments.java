package org.cetdialogue.tracker.query.operations;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cetdialogue.tracker.api.query.PositionReached;
import org.springframework.stereotype.Component;

/**
 * Whether a processor has applied every event up to a position across every instance sharing the database, not only
 * in the segments this instance holds: the segments it holds count by their tokens in memory, the others by the
 * tokens their holders stored in the shared token store ({@link StoredTokens}).
 *
 * <p>A stored token is behind while its segment has nothing to do: Axon's pooled processor stores a segment's token
 * with every batch it handles, but a segment that only skips events (they belong to other segments) stores its token
 * at the claim extension (every 5 s). And a segment held here has not seen an event another instance appended until
 * this instance's event store polls for it. So a segment whose token is before the position has still reached it
 * when none of the events between its token and the position is one its processor would handle in that segment
 * (Axon's own test: the processor's {@code EventHandlerInvoker.canHandle(event, segment)}): the tables hold all its
 * share of the events up to the position. Those events are read from
 * the event store, at most {@value #MOST_EVENTS_PER_ASK} per question; how far a segment is known to have nothing to
 * do is remembered for its stored token, so repeated questions while a read waits read each event once.
 */
@Component
public class SharedSegments {

    static final int MOST_EVENTS_PER_ASK = 1000;
    private static final int PATIENCE_MILLIS = 200;

    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final EventStore eventStore;
    private final Map<String, Idle> idle = new ConcurrentHashMap<>();

    public SharedSegments(EventProcessingConfiguration processing, StoredTokens storedTokens, EventStore eventStore) {
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.eventStore = eventStore;
    }

    /**
     * Whether every segment of {@code processor}, wherever it is held, has applied every event up to {@code position};
     * {@code local} are the segments this instance holds. Null when the token store cannot tell (see {@link
     * StoredTokens}).
     */
    public PositionReached reached(String processor, Map<Integer, EventTrackerStatus> local, long position) {
        Optional<Map<Segment, TrackingToken>> stored = storedTokens.of(processor);
        if (stored.isEmpty() || stored.get().isEmpty()) {
            return null;
        }
        boolean reached = true;
        long slowest = Long.MAX_VALUE;
        for (Map.Entry<Segment, TrackingToken> entry : stored.get().entrySet()) {
            Segment segment = entry.getKey();
            EventTrackerStatus held = local.get(segment.getSegmentId());
            boolean here = held != null && held.getSegment().equals(segment);
            // a segment held here counts by its token in memory: it is never behind the one it stored
            TrackingToken token = here ? held.getTrackingToken() : entry.getValue();
            TrackingToken upper = WrappedToken.unwrapUpperBound(token);
            slowest = Math.min(slowest, upper == null ? -1 : upper.position().orElse(-1));
            if (reached && !ProcessorStatuses.covers(token, position)) {
                reached = nothingToHandle(processor, segment, token, position);
            }
        }
        return new PositionReached(processor, position, reached, slowest < 0 ? null : slowest);
    }

    /** Whether no event after {@code stored} up to {@code position} is one the processor handles in {@code segment}. */
    private boolean nothingToHandle(String processor, Segment segment, TrackingToken stored, long position) {
        Optional<AbstractEventProcessor> found = processing.eventProcessor(processor, AbstractEventProcessor.class);
        if (found.isEmpty() || stored == null || stored instanceof WrappedToken) {
            return false; // not started, or being rebuilt: it handles what it replays
        }
        // (stored is the token the segment is known to be at: in the token store, or in memory where it is held)
        String key = processor + "/" + segment.getSegmentId();
        Idle known = idle.get(key);
        if (known == null || !known.stored().equals(stored) || !known.segment().equals(segment)) {
            known = new Idle(stored, segment, stored, -1);
        }
        if (known.through() >= position) {
            return true;
        }
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(known.resumeAt())) {
            for (int read = 0; read < MOST_EVENTS_PER_ASK; read++) {
                if (!events.hasNextAvailable(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return false; // the position was written, so the store owes it: ask again later
                }
                TrackedEventMessage<?> event = events.nextAvailable();
                long at = event.trackingToken().position().orElse(-1);
                if (at > position) {
                    idle.put(key, known);
                    return true;
                }
                if (found.get().eventHandlerInvoker().canHandle(event, segment)) {
                    idle.put(key, known); // its holder has yet to handle this one: the next ask starts at it
                    return false;
                }
                known = new Idle(stored, segment, event.trackingToken(), at);
                if (at == position) {
                    idle.put(key, known);
                    return true;
                }
            }
            idle.put(key, known);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return false; // a store that cannot be read now: not reached, the read waits or answers 503
        }
    }

    /**
     * A segment whose stored token is {@code stored} has nothing to handle up to position {@code through}; the store's
     * stream goes on after {@code resumeAt}.
     */
    private record Idle(TrackingToken stored, Segment segment, TrackingToken resumeAt, long through) {}
}
