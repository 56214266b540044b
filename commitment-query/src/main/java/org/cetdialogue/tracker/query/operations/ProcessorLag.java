package org.cetdialogue.tracker.query.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The state of this instance's streaming processors: running or not, in error or not, the segments it holds and how
 * far behind the head of the event stream the slowest of them is (in global-index positions; gaps left by rolled
 * back transactions count too, so the figure is an upper bound).
 */
@Component
public class ProcessorLag {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** One processor as this instance sees it. {@code lag} is -1 when it holds no segment or has no position. */
    public record ProcessorState(
            String name, boolean running, boolean error, List<Integer> segments, long lag, String errorType) {}

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
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(p -> state(name, p, headPosition()).lag())
                .orElse(-1L);
    }

    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
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
            OptionalLong position = position(segment.getTrackingToken());
            slowest = Math.min(slowest, position.orElse(-1));
        }
        long lag = head < 0 || status.isEmpty() ? -1 : Math.max(0, head - slowest);
        List<Integer> segments = status.keySet().stream().sorted().toList();
        return new ProcessorState(name, processor.isRunning(), error, segments, lag, errorType);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    private long headPosition() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            return head == null ? -1 : head.position().orElse(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
