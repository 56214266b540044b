package org.cetdialogue.tracker.query.audit.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.cetdialogue.tracker.api.audit.ReplayProgress;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections from the events with Axon's own reset: each chosen streaming processor is shut down, its
 * tokens reset to the start of the stream (its {@code @ResetHandler} clears its tables) and started again. The
 * tracker keeps accepting writes meanwhile; the processors replay the history and then continue with the new events.
 * Progress is read from the processors' {@link EventTrackerStatus}. One replay runs at a time; the hash chain is never
 * replayed.
 */
@Component
public class Replays {

    public static final String ALL = "all";
    public static final List<String> PROJECTIONS = Projections.REBUILDABLE;

    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final EventProcessingConfiguration processing;
    private final StoredEvents events;
    private final Clock clock;
    private final Map<String, Replay> replays = new LinkedHashMap<>();

    public Replays(EventProcessingConfiguration processing, StoredEvents events, Clock clock) {
        this.processing = processing;
        this.events = events;
        this.clock = clock;
    }

    /** Starts rebuilding {@code projection} (one of {@link #PROJECTIONS}, or {@value #ALL}). */
    public synchronized ReplayProgress start(String projection) {
        List<String> names;
        if (ALL.equals(projection)) {
            names = PROJECTIONS;
        } else if (PROJECTIONS.contains(projection)) {
            names = List.of(projection);
        } else {
            throw new UnknownProjectionException(
                    "projection must be one of " + PROJECTIONS + " or " + ALL + ", not " + projection);
        }
        for (Replay replay : replays.values()) {
            if (!progress(replay).done()) {
                throw new ReplayAlreadyRunningException(replay.id);
            }
        }
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (String name : names) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
            if (!processor.supportsReset()) {
                throw new IllegalStateException("processor " + name + " cannot be reset");
            }
            processors.add(processor);
        }
        long total = Math.max(0, events.headPosition());
        Replay replay =
                new Replay(UUID.randomUUID().toString(), projection, names, processors, total, Instant.now(clock));
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        log.info("Replay {} of {} started: {} events to replay", replay.id, names, total);
        replays.put(replay.id, replay);
        return progress(replay);
    }

    /**
     * Looks at running replays several times a second, so that a replay's end (and so its duration and rate) is
     * recorded when it happens, not when someone next asks.
     */
    @Scheduled(fixedDelay = 200)
    public synchronized void noticeFinishedReplays() {
        for (Replay replay : replays.values()) {
            if (replay.finishedAt == null) {
                progress(replay);
            }
        }
    }

    public synchronized Optional<ReplayProgress> progress(String id) {
        return Optional.ofNullable(replays.get(id)).map(this::progress);
    }

    private ReplayProgress progress(Replay replay) {
        Instant now = Instant.now(clock);
        long position = Long.MAX_VALUE;
        boolean caughtUp = true;
        for (StreamingEventProcessor processor : replay.processors) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long reached = 0;
            boolean processorDone = !status.isEmpty();
            for (EventTrackerStatus segment : status.values()) {
                long current = segment.getCurrentPosition().orElse(0);
                reached = Math.max(reached, current);
                // Axon leaves replay mode only on the first event after the reset position; a segment that has
                // processed every event stored when the replay started is rebuilt
                processorDone &=
                        segment.getTrackingToken() != null && (!segment.isReplaying() || current >= replay.total);
            }
            caughtUp &= processorDone;
            position = Math.min(position, reached);
        }
        position = Math.min(position, replay.total);
        boolean done = replay.finishedAt != null || (caughtUp && position >= replay.total);
        if (done && replay.finishedAt == null) {
            replay.finishedAt = now;
            log.info("Replay {} done: {} events", replay.id, replay.total);
        }
        if (done) {
            position = replay.total;
        }
        double seconds = Math.max(
                0.001,
                Duration.between(replay.startedAt, done ? replay.finishedAt : now)
                                .toMillis()
                        / 1000.0);
        double rate = position / seconds;
        Long eta =
                done ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round((replay.total - position) / rate)) : null;
        double percent = replay.total == 0 ? 100.0 : Math.floor(1000.0 * position / replay.total) / 10.0;
        return new ReplayProgress(
                replay.id,
                replay.projection,
                replay.names,
                done ? "DONE" : "RUNNING",
                position,
                replay.total,
                done ? 100.0 : Math.min(percent, 99.9),
                Math.round(rate * 10) / 10.0,
                eta,
                replay.startedAt,
                replay.finishedAt);
    }

    private static final class Replay {

        final String id;
        final String projection;
        final List<String> names;
        final List<StreamingEventProcessor> processors;
        final long total;
        final Instant startedAt;
        Instant finishedAt;

        Replay(
                String id,
                String projection,
                List<String> names,
                List<StreamingEventProcessor> processors,
                long total,
                Instant startedAt) {
            this.id = id;
            this.projection = projection;
            this.names = names;
            this.processors = processors;
            this.total = total;
            this.startedAt = startedAt;
        }
    }
}
