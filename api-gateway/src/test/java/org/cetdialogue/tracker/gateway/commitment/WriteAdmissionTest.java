package org.cetdialogue.tracker.gateway.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class WriteAdmissionTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private WriteAdmission admission(int executing, int perCommitment, int waiting, Duration maxWait) {
        return new WriteAdmission(
                new WriteAdmissionProperties(executing, perCommitment, waiting, maxWait, Duration.ofSeconds(2)),
                meters);
    }

    @Test
    void writesToOneCommitmentRunOneAtATimeInArrivalOrder() throws Exception {
        WriteAdmission admission = admission(4, 64, 64, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(
                () -> admission.admit("c-1", () -> {
                    order.add(0);
                    released(release);
                    return null;
                }),
                threads);
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 1);
        List<CompletableFuture<Object>> rest = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int n = i;
            rest.add(CompletableFuture.supplyAsync(
                    () -> admission.admit("c-1", () -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        order.add(n);
                        running.decrementAndGet();
                        return null;
                    }),
                    threads));
            // the next writer arrives after this one is in the queue
            int queued = i;
            await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == queued);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Object> f : rest) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void noMoreThanMaxExecutingWritesRunAtOnceAcrossCommitments() throws Exception {
        WriteAdmission admission = admission(3, 64, 64, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<CompletableFuture<Object>> writes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = "c-" + i;
            writes.add(CompletableFuture.supplyAsync(
                    () -> admission.admit(id, () -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        // a few milliseconds of work, so that writes overlap if nothing stops them
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                        running.decrementAndGet();
                        return null;
                    }),
                    threads));
        }
        for (CompletableFuture<Object> f : writes) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(mostAtOnce.get()).isBetween(1, 3);
    }

    @Test
    void aWriteBeyondTheQueueOfItsCommitmentIsRefusedAtOnceWhileOthersGoIn() throws Exception {
        WriteAdmission admission = admission(4, 2, 64, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        List<CompletableFuture<Object>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // one running, two waiting: the bound
            held.add(CompletableFuture.supplyAsync(
                    () -> admission.admit("busy", () -> {
                        ran.incrementAndGet();
                        released(release);
                        return null;
                    }),
                    threads));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 2);

        assertThatThrownBy(() -> admission.admit("busy", () -> ran.incrementAndGet()))
                .isInstanceOfSatisfying(WritesOverloadedException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
                    assertThat(e.getBody().getType().toString()).isEqualTo("urn:cet-tracker:problem:writes-overloaded");
                    assertThat(e.getBody().getDetail()).contains("busy");
                });
        assertThat(admission.admit("quiet", () -> "done")).isEqualTo("done");

        release.countDown();
        for (CompletableFuture<Object> f : held) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(ran.get()).isEqualTo(3);
        assertThat(meters.get("tracker.writes.refused")
                        .tag("reason", "queue-full")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aWriteWhoseTurnDoesNotComeWithinTheBoundIsRefusedWithoutRunning() throws Exception {
        WriteAdmission admission = admission(4, 16, 64, Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(
                () -> admission.admit("slow", () -> {
                    started.countDown();
                    released(release);
                    return null;
                }),
                threads);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicInteger ran = new AtomicInteger();

        assertThatThrownBy(() -> admission.admit("slow", ran::incrementAndGet))
                .isInstanceOfSatisfying(
                        WritesOverloadedException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
        assertThat(ran.get()).isZero();

        release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        // the commitment's turn is free again: the next write runs at once
        assertThat(admission.admit("slow", ran::incrementAndGet)).isEqualTo(1);
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void theOverallBoundRefusesAWriteToAnyCommitmentOnceEnoughWait() throws Exception {
        WriteAdmission admission = admission(1, 16, 2, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Object>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // one running, two waiting for the only slot
            String id = "c-" + i;
            held.add(CompletableFuture.supplyAsync(
                    () -> admission.admit(id, () -> {
                        released(release);
                        return null;
                    }),
                    threads));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 2);

        assertThatThrownBy(() -> admission.admit("c-other", () -> null)).isInstanceOf(WritesOverloadedException.class);

        release.countDown();
        for (CompletableFuture<Object> f : held) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(admission.admit("c-other", () -> "in")).isEqualTo("in");
    }

    private static void released(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
