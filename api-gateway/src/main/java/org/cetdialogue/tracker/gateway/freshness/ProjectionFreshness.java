package org.cetdialogue.tracker.gateway.freshness;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads how far each projection's event processor has got, against the head of the event store. The position of a
 * processor with several segments is that of its slowest segment: everything up to it has been applied.
 */
@Component
public class ProjectionFreshness {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionFreshness(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public Freshness of(String processingGroup) {
        Collection<EventTrackerStatus> segments = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .orElse(List.of());
        return freshness(segments, head());
    }

    /**
     * The position an answer read now from the projection's tables holds at least, if that position tells every change
     * to them: this process holds every segment of the processor (with instances sharing a database, another may hold
     * some and apply their events later) and none is being rebuilt. Reads the processor's status only, not the head
     * of the store: it is asked on every read of a whole projection.
     */
    public OptionalLong reusablePosition(String processingGroup) {
        return processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(processor -> reusablePosition(processor.processingStatus().values()))
                .orElse(OptionalLong.empty());
    }

    static OptionalLong reusablePosition(Collection<EventTrackerStatus> segments) {
        if (!coversEverySegment(segments)) {
            return OptionalLong.empty();
        }
        long position = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            long current = segment.getCurrentPosition().orElse(-1);
            boolean rebuilding = segment.isReplaying()
                    && current < segment.getResetPosition().orElse(Long.MAX_VALUE);
            if (rebuilding || current < 0) {
                return OptionalLong.empty();
            }
            position = Math.min(position, current);
        }
        return OptionalLong.of(position);
    }

    static boolean coversEverySegment(Collection<EventTrackerStatus> segments) {
        double covered = 0;
        for (EventTrackerStatus segment : segments) {
            covered += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return Math.abs(covered - 1.0) < 1e-9;
    }

    /** The freshness that {@code segments} give against a store whose last event is at {@code head}. */
    static Freshness freshness(Collection<EventTrackerStatus> segments, long head) {
        if (segments.isEmpty()) {
            return new Freshness(null, null, false, null);
        }
        long position = Long.MAX_VALUE;
        boolean rebuilding = false;
        long replayed = 0;
        long toReplay = 0;
        for (EventTrackerStatus segment : segments) {
            OptionalLong current = segment.getCurrentPosition();
            position = Math.min(position, current.orElse(-1));
            long reset = segment.getResetPosition().orElse(head);
            // Axon keeps a segment "replaying" until it handles an event past the reset position; one that has
            // reached that position has rebuilt everything there was, even if no new event has come since
            if (segment.isReplaying() && current.orElse(-1) < reset) {
                rebuilding = true;
                replayed += Math.min(Math.max(current.orElse(0), 0), reset);
                toReplay += reset;
            }
        }
        Long reached = position < 0 ? null : position;
        Long lag = reached == null ? null : Math.max(0, head - reached);
        Integer progress = null;
        if (rebuilding) {
            progress = toReplay <= 0 ? 0 : (int) Math.min(99, replayed * 100 / toReplay);
        }
        return new Freshness(reached, lag, rebuilding, progress);
    }

    /** The global position of the last event in the store (-1 when it holds none). */
    long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }
}
