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
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.cetdialogue.tracker.api.audit.ReplayProgress;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections from the events with Axon's own reset: each chosen streaming processor is shut down, its
 * tokens reset to the start of the stream (its {@code @ResetHandler} clears its tables) and started again. The
 * tracker keeps accepting writes meanwhile; the processors replay the history and then continue with the new events.
 * Progress is read from the processors' {@link EventTrackerStatus}. One replay runs at a time; the hash chain is never
 * replayed. Where instances share the token store, the others pause the processor while its tokens are reset here
 * ({@link ReplayPeers}); a replay whose segments stay claimed elsewhere is refused ({@link ReplayBlockedException}).
 */
@Component
public class Replays {

    public static final String ALL = "all";
    public static final List<String> PROJECTIONS = Projections.REBUILDABLE;

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final Duration CLAIM_RETRY = Duration.ofMillis(250);
    private static final Duration CLAIM_AFTER_START = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final StoredEvents events;
    private final Clock clock;
    private final ObjectProvider<ReplayPeers> peers;
    private final Duration claimWait;
    private final Map<String, Replay> replays = new LinkedHashMap<>();

    public Replays(
            EventProcessingConfiguration processing,
            StoredEvents events,
            Clock clock,
            ObjectProvider<ReplayPeers> peers,
            @Value("${tracker.replay.claim-wait:PT15S}") Duration claimWait) {
        this.processing = processing;
        this.events = events;
        this.clock = clock;
        this.peers = peers;
        this.claimWait = claimWait;
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
        }
        ReplayPeers others = peers.getIfAvailable();
        if (others != null) {
            others.pause(names);
        }
        try {
            for (StreamingEventProcessor processor : processors) {
                resetWhenReleased(processor);
            }
        } finally {
            for (StreamingEventProcessor processor : processors) {
                processor.start();
            }
            if (others != null) {
                // the replay's progress is read from this instance's segments: let it claim them before the others run
                awaitClaimed(names, processors);
                others.resume(names);
            }
        }
        log.info("Replay {} of {} started: {} events to replay", replay.id, names, total);
        replays.put(replay.id, replay);
        return progress(replay);
    }

    /**
     * Resets the processor's tokens as soon as every segment can be claimed here: another instance sharing the token
     * store releases its segments when it pauses for the replay ({@link ReplayPeers}), a dead one's claims expire.
     * Past {@code claimWait} the replay is refused ({@link ReplayBlockedException}); the caller starts the processor
     * again either way.
     */
    private void resetWhenReleased(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + claimWait.toNanos();
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() - deadline > 0) {
                    log.warn(
                            "replay of {} refused: its segments stayed claimed: {}",
                            processor.getName(),
                            e.getMessage());
                    throw new ReplayBlockedException("the segments of " + processor.getName()
                            + " are held by another instance that did not release them within " + claimWait.toSeconds()
                            + " s; nothing was reset, try again shortly");
                }
                try {
                    Thread.sleep(CLAIM_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ReplayBlockedException(
                            "interrupted while waiting for the segments of " + processor.getName());
                }
            }
        }
    }

    /** Waits (a few seconds at most) until this instance's processors claimed all of their segments. */
    private void awaitClaimed(List<String> names, List<StreamingEventProcessor> processors) {
        long deadline = System.nanoTime() + CLAIM_AFTER_START.toNanos();
        for (int i = 0; i < processors.size(); i++) {
            int segments = processing.tokenStore(names.get(i)).fetchSegments(names.get(i)).length;
            while (processors.get(i).processingStatus().size() < segments && System.nanoTime() - deadline < 0) {
                try {
                    Thread.sleep(CLAIM_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
