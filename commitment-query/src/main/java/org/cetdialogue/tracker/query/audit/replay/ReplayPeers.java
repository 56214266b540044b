package org.cetdialogue.tracker.query.audit.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.cetdialogue.tracker.query.cluster.ChannelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets a replay start on any of the instances that share one PostgreSQL database and its token store. Axon resets a
 * streaming processor's tokens only where it can claim every segment, and a segment claimed by another instance's
 * running processor stays claimed while that processor runs: a replay asked of the instance that did not hold the
 * segments failed. So the instance that starts a replay first asks the others, with {@code pg_notify} on channel
 * {@value #CHANNEL}, to pause their processor (which releases its claims), resets the tokens once it can claim them,
 * and then asks the others to resume. An instance that hears no resume (the one replaying died) resumes by itself
 * after {@code resumeAfter}.
 */
public class ReplayPeers implements SmartLifecycle {

    static final String CHANNEL = "tracker_replays";
    private static final Logger log = LoggerFactory.getLogger(ReplayPeers.class);

    private final String origin = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration resumeAfter;
    private final Map<String, ScheduledFuture<?>> paused = new ConcurrentHashMap<>();
    private final ScheduledExecutorService resumes = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-peers-resume");
        thread.setDaemon(true);
        return thread;
    });
    private final ChannelListener listener;

    public ReplayPeers(
            JdbcTemplate jdbc,
            DataSourceProperties dataSource,
            EventProcessingConfiguration processing,
            Duration resumeAfter) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.resumeAfter = resumeAfter;
        this.listener = new ChannelListener(dataSource, CHANNEL, "replay-peers", this::deliver);
    }

    /** Asks the other instances to pause these processors (releasing their segments) until {@link #resume}. */
    void pause(List<String> processors) {
        notifyOthers("pause", processors);
    }

    /** Tells the other instances that they may run these processors again. */
    void resume(List<String> processors) {
        notifyOthers("resume", processors);
    }

    /** True while this instance listens for the others (for tests). */
    public boolean isListening() {
        return listener.isListening();
    }

    private void notifyOthers(String action, List<String> processors) {
        jdbc.query(
                "SELECT pg_notify(?, ?)",
                rs -> null,
                CHANNEL,
                origin + " " + action + " " + String.join(",", processors));
    }

    private void deliver(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length != 3 || origin.equals(parts[0])) {
            return;
        }
        for (String name : parts[2].split(",")) {
            try {
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> {
                    act(parts[1], name, processor);
                });
            } catch (RuntimeException e) {
                log.warn("could not {} processor {} for another instance's replay: {}", parts[1], name, e.toString());
            }
        }
    }

    private void act(String action, String name, StreamingEventProcessor processor) {
        if ("pause".equals(action)) {
            log.info("pausing processor {}: another instance replays it", name);
            processor.shutDown();
            ScheduledFuture<?> previous = paused.put(
                    name,
                    resumes.schedule(
                            () -> start(name, processor, "no resume heard"),
                            resumeAfter.toMillis(),
                            TimeUnit.MILLISECONDS));
            if (previous != null) {
                previous.cancel(false);
            }
        } else if ("resume".equals(action)) {
            ScheduledFuture<?> fallback = paused.remove(name);
            if (fallback != null) {
                fallback.cancel(false);
            }
            start(name, processor, "the replaying instance reset it");
        }
    }

    private void start(String name, StreamingEventProcessor processor, String why) {
        paused.remove(name);
        if (!processor.isRunning()) {
            log.info("resuming processor {}: {}", name, why);
            processor.start();
        }
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
        resumes.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }
}
