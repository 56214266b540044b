package org.cetdialogue.tracker.support;

import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Clients writing pledges to one commitment in parallel until stopped, each pledge with a funder name of its own
 * ({@code w<thread>-<n>}), so that what was stored can be matched with what was answered.
 */
public final class Writers {

    /** One write: the funder it named, the status it got (0 when no answer came) and the version it was given. */
    public record Write(String funder, int status, long version, String body) {
        public boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** {@code clientOf(thread)} picks the instance each thread writes to. */
    public static Writers start(int count, String commitmentId, IntFunction<TrackerClient> clientOf) {
        Writers writers = new Writers();
        for (int t = 0; t < count; t++) {
            int thread = t;
            Thread worker =
                    new Thread(() -> writers.write(thread, clientOf.apply(thread), commitmentId), "writer-" + t);
            writers.threads.add(worker);
            worker.start();
        }
        return writers;
    }

    private void write(int thread, TrackerClient client, String commitmentId) {
        AtomicInteger n = new AtomicInteger();
        while (running.get()) {
            String funder = "w" + thread + "-" + n.incrementAndGet();
            String body = "{\"funder\":\"" + funder
                    + "\",\"amount\":\"1000\",\"currency\":\"USD\",\"valueDate\":\"2024-05-01\"}";
            try {
                TrackerClient.Response response =
                        client.post(US_SECRETARIAT, "/api/commitments/" + commitmentId + "/funding/pledges", body);
                long version = response.status() == 200
                        ? response.json().path("version").asLong(-1)
                        : -1;
                writes.add(new Write(funder, response.status(), version, response.body()));
            } catch (RuntimeException e) {
                writes.add(new Write(funder, 0, -1, e.toString()));
                pause();
            }
        }
    }

    public List<Write> writes() {
        return List.copyOf(writes);
    }

    public long acknowledged() {
        return writes.stream().filter(Write::acknowledged).count();
    }

    public List<Write> stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return writes();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
