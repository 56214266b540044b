package org.cetdialogue.tracker.query.operations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.query.FindPositionReachedQuery;
import org.cetdialogue.tracker.api.query.FindProcessorStatusQuery;
import org.cetdialogue.tracker.api.query.PositionReached;
import org.cetdialogue.tracker.api.query.ProcessorStatus;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.springframework.stereotype.Component;

/**
 * The one owner of the read side's processor status: for each processor of this instance ({@link Projections}) its
 * position (its slowest segment's), the head of the event store and the lag behind it, whether it is being rebuilt
 * and how far, whether this instance holds every segment, and whether it is running or in error. The freshness of
 * every read and stream, the read cache, health and metrics all come from here; the gateway asks it with
 * {@link FindProcessorStatusQuery}.
 */
@Component
public class ProcessorStatuses {

    private final EventProcessingConfiguration processing;
    private final StoredEvents events;
    private final SharedSegments shared;

    public ProcessorStatuses(EventProcessingConfiguration processing, StoredEvents events, SharedSegments shared) {
        this.processing = processing;
        this.events = events;
        this.shared = shared;
    }

    /** One processor's running state as this instance sees it; {@code lag} is -1 when unknown. */
    public record ProcessorState(
            String name, boolean running, boolean error, List<Integer> segments, long lag, String errorType) {}

    @QueryHandler
    public ProcessorStatus handle(FindProcessorStatusQuery query) {
        Collection<EventTrackerStatus> segments = segments(query.processor());
        Long settled = settledPosition(segments).stream().boxed().findFirst().orElse(null);
        if (!query.againstHead()) {
            Long position = slowest(segments);
            return new ProcessorStatus(query.processor(), position, null, rebuilding(segments, -1), null, settled);
        }
        return status(query.processor(), segments, headPosition(), settled);
    }

    /**
     * Whether every segment of the processor has applied every event up to the position: its token is past it, and it
     * is not one of the gaps the token still waits for (an event that committed after a later one was read). A
     * segment being rebuilt counts by the position its replay has reached. Where this instance does not hold every
     * segment (instances sharing the database split them), the others count by what the shared token store says of
     * them ({@link SharedSegments}).
     */
    @QueryHandler
    public PositionReached handle(FindPositionReachedQuery query) {
        Map<Integer, EventTrackerStatus> held = streaming(query.processor())
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        Collection<EventTrackerStatus> segments = held.values();
        if (!coversEverySegment(segments)) {
            PositionReached acrossInstances = shared.reached(query.processor(), held, query.position());
            if (acrossInstances != null) {
                return acrossInstances;
            }
        }
        boolean reached = !segments.isEmpty() && coversEverySegment(segments);
        for (EventTrackerStatus segment : segments) {
            reached &= covers(segment.getTrackingToken(), query.position());
        }
        return new PositionReached(query.processor(), query.position(), reached, slowest(segments));
    }

    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapUpperBound(token);
        if (current == null || current.position().isEmpty()) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware
                && gapAware.getGaps().contains(position)) {
            return false;
        }
        return current.position().getAsLong() >= position;
    }

    /** The states of every streaming processor of this instance, for health. */
    public List<ProcessorState> states() {
        long head = headPosition();
        List<ProcessorState> states = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                states.add(state(name, streaming, head));
            }
        });
        return states;
    }

    /** How far behind the head this instance's slowest segment of {@code name} is; -1 when unknown. */
    public long lag(String name) {
        return streaming(name).map(p -> state(name, p, headPosition()).lag()).orElse(-1L);
    }

    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The status that {@code segments} give against a store whose last event is at {@code head}. */
    static ProcessorStatus status(String name, Collection<EventTrackerStatus> segments, long head, Long settled) {
        if (segments.isEmpty()) {
            return new ProcessorStatus(name, null, null, false, null, null);
        }
        Long reached = slowest(segments);
        Long lag = reached == null ? null : Math.max(0, head - reached);
        boolean rebuilding = rebuilding(segments, head);
        Integer progress = null;
        if (rebuilding) {
            long replayed = 0;
            long toReplay = 0;
            for (EventTrackerStatus segment : segments) {
                long current = segment.getCurrentPosition().orElse(-1);
                long reset = segment.getResetPosition().orElse(head);
                if (segment.isReplaying() && current < reset) {
                    replayed += Math.min(Math.max(current, 0), reset);
                    toReplay += reset;
                }
            }
            progress = toReplay <= 0 ? 0 : (int) Math.min(99, replayed * 100 / toReplay);
        }
        return new ProcessorStatus(name, reached, lag, rebuilding, progress, settled);
    }

    /**
     * Axon keeps a segment "replaying" until it handles an event past the reset position; one that has reached that
     * position has rebuilt everything there was, even if no new event has come since.
     */
    private static boolean rebuilding(Collection<EventTrackerStatus> segments, long head) {
        for (EventTrackerStatus segment : segments) {
            long current = segment.getCurrentPosition().orElse(-1);
            long reset = segment.getResetPosition().orElse(head < 0 ? Long.MAX_VALUE : head);
            if (segment.isReplaying() && current < reset) {
                return true;
            }
        }
        return false;
    }

    private static Long slowest(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        long position = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            position = Math.min(position, segment.getCurrentPosition().orElse(-1));
        }
        return position < 0 ? null : position;
    }

    /**
     * The position an answer read now from the processor's tables holds at least, if that position tells every
     * change to them: this instance holds every segment (with instances sharing a database, another may hold some
     * and apply their events later) and none is being rebuilt.
     */
    static OptionalLong settledPosition(Collection<EventTrackerStatus> segments) {
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

    private Collection<EventTrackerStatus> segments(String name) {
        return streaming(name)
                .map(processor -> processor.processingStatus().values())
                .orElse(List.of());
    }

    private Optional<StreamingEventProcessor> streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private static ProcessorState state(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        boolean error = processor.isError() || status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        String errorType = status.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null
                        ? "unknown"
                        : s.getError().getClass().getName())
                .findFirst()
                .orElse(null);
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong position = segment.getTrackingToken() == null
                    ? OptionalLong.empty()
                    : segment.getTrackingToken().position();
            slowest = Math.min(slowest, position.orElse(-1));
        }
        long lag = head < 0 || status.isEmpty() ? -1 : Math.max(0, head - slowest);
        List<Integer> segments = status.keySet().stream().sorted().toList();
        return new ProcessorState(name, processor.isRunning(), error, segments, lag, errorType);
    }

    private long headPosition() {
        try {
            return events.headPosition();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
