package org.cetdialogue.tracker.gateway.commitment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Lets writes in before they reach the command bus, where each would start a transaction (and take a pooled
 * connection) and only then wait for its commitment's lock. Here writes to one commitment take turns, first come
 * first served, holding nothing but their request thread; at most {@code maxExecuting} writes run at once, so the
 * rest of the pool stays with the event processors and the reads. A write that would wait beyond the bounds, or whose
 * turn does not come within {@code maxWait}, is refused at once with {@link WritesOverloadedException} (503 with
 * {@code Retry-After}) and has stored nothing.
 *
 * <p>The turns are per process: instances sharing a PostgreSQL database still meet at the unique (aggregate, sequence)
 * index, and the loser is sent again ({@link CommandRetryConfiguration}).
 */
@Component
public class WriteAdmission {

    private final WriteAdmissionProperties properties;
    private final Semaphore executing;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Counter refusedFull;
    private final Counter refusedTimedOut;
    private final Counter refusedLostRaces;

    public WriteAdmission(WriteAdmissionProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.executing = new Semaphore(properties.maxExecuting(), true);
        Gauge.builder("tracker.writes.waiting", waiting, AtomicInteger::get)
                .description("Writes waiting for their turn (on their commitment or for a free slot)")
                .register(meters);
        Gauge.builder("tracker.writes.executing", executing, s -> properties.maxExecuting() - s.availablePermits())
                .description("Writes running on the command bus")
                .register(meters);
        this.refusedFull = Counter.builder("tracker.writes.refused")
                .description("Writes refused with 503 before they ran")
                .tag("reason", "queue-full")
                .register(meters);
        this.refusedTimedOut = Counter.builder("tracker.writes.refused")
                .description("Writes refused with 503 before they ran")
                .tag("reason", "wait-exceeded")
                .register(meters);
        this.refusedLostRaces = Counter.builder("tracker.writes.refused")
                .description("Writes refused with 503 before they ran")
                .tag("reason", "lost-races")
                .register(meters);
    }

    /** Runs {@code write} on {@code commitmentId} when its turn comes; refuses it if that is too far away. */
    public <T> T admit(String commitmentId, Supplier<T> write) {
        Lane lane = join(commitmentId);
        try {
            if (waiting.incrementAndGet() > properties.maxWaiting()) {
                waiting.decrementAndGet();
                throw refused(refusedFull, properties.maxWaiting() + " writes are waiting already.");
            }
            boolean running = false;
            try {
                long deadline = System.nanoTime() + properties.maxWait().toNanos();
                if (!lane.turn.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    throw refused(
                            refusedTimedOut,
                            "Commitment " + commitmentId + " had writes ahead of this one for longer than "
                                    + properties.maxWait().toMillis() + " ms.");
                }
                try {
                    running = executing.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } finally {
                    if (!running) {
                        lane.turn.release();
                    }
                }
                if (!running) {
                    throw refused(
                            refusedTimedOut,
                            "No write slot came free within "
                                    + properties.maxWait().toMillis() + " ms.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused(refusedTimedOut, "The write was interrupted while it waited.");
            } finally {
                waiting.decrementAndGet();
            }
            try {
                return write.get();
            } finally {
                executing.release();
                lane.turn.release();
            }
        } finally {
            leave(commitmentId);
        }
    }

    /**
     * The refusal of a write without {@code If-Match} that lost the race for its commitment's next version to
     * another instance each time it was tried: contention past the bound of {@code tracker.command.retries}.
     */
    WritesOverloadedException lostRaces(String commitmentId) {
        return refused(
                refusedLostRaces,
                "Commitment " + commitmentId + " was changed by another instance each time this write was tried.");
    }

    /** Writes waiting for their turn now. */
    int waiting() {
        return waiting.get();
    }

    private Lane join(String commitmentId) {
        boolean[] full = {false};
        lanes.compute(commitmentId, (id, lane) -> {
            Lane joined = lane == null ? new Lane() : lane;
            // members: the write whose turn it is, and those waiting behind it
            if (joined.members > properties.maxWaitingPerCommitment()) {
                full[0] = true;
                return joined;
            }
            joined.members++;
            return joined;
        });
        if (full[0]) {
            throw refused(
                    refusedFull,
                    properties.maxWaitingPerCommitment() + " writes to commitment " + commitmentId
                            + " are waiting already.");
        }
        return lanes.get(commitmentId);
    }

    private void leave(String commitmentId) {
        lanes.computeIfPresent(commitmentId, (id, lane) -> --lane.members == 0 ? null : lane);
    }

    private WritesOverloadedException refused(Counter counter, String detail) {
        counter.increment();
        return new WritesOverloadedException(detail, properties.retryAfter());
    }

    /** One commitment's turn (fair: first come, first served) and how many writes hold or wait for it. */
    private static final class Lane {
        final Semaphore turn = new Semaphore(1, true);
        int members; // changed only inside the map's compute functions
    }
}
