package org.cetdialogue.tracker.benchmark.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The soak's mixed load on two instances: paced writers (each write a milestone with a unique description, an
 * {@code Idempotency-Key} and a correlation id, retried with the same key until acknowledged or the retry window
 * ends), paced readers, SSE activity streams that resume with {@code Last-Event-ID}, periodic exports and replays.
 */
final class SoakLoad {

    /** A write the soak sent: its key is also its correlation id, and its description is unique. */
    record Write(long n, String key, String user, String commitmentId, String description) {}

    /** An acknowledged write: the version its 2xx answer gave. */
    record Ack(Write write, long version) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run;
    private final List<TrackerInstance> instances;
    private final List<String> commitments;
    private final SoakHttp http;
    private final SoakMetrics metrics;
    private final Duration retryWindow;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean streamsStopping = new AtomicBoolean();
    private final List<Thread> streamThreads = new ArrayList<>();
    private final AtomicLong writeCounter = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Thread> writerThreads = new ArrayList<>();

    final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
    final Map<String, Write> abandoned = new ConcurrentHashMap<>();
    final Map<String, String> rejected = new ConcurrentHashMap<>();
    final Map<String, Write> sent = new ConcurrentHashMap<>();
    /** Per stream: the (commitment, sequence) of every soak activity entry it received. */
    final List<Set<String>> streamed = new ArrayList<>();

    final List<String> replayResults = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> exportResults = java.util.Collections.synchronizedList(new ArrayList<>());

    SoakLoad(
            String run,
            List<TrackerInstance> instances,
            List<String> commitments,
            SoakHttp http,
            SoakMetrics metrics,
            Duration retryWindow) {
        this.run = run;
        this.instances = instances;
        this.commitments = commitments;
        this.http = http;
        this.metrics = metrics;
        this.retryWindow = retryWindow;
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    /** Sends one new milestone write and retries it with the same key until it is acknowledged or given up. */
    Write newWrite(String via) {
        long n = writeCounter.incrementAndGet();
        String key = run + "-w" + n;
        Write write = new Write(
                n,
                key,
                n % 2 == 0 ? SoakHttp.WRITER_US : SoakHttp.WRITER_ROK,
                commitments.get((int) (n % commitments.size())),
                "soak " + key + " via " + via);
        sent.put(key, write);
        return write;
    }

    /** Writes until acknowledged (true), refused for good, or the retry window ends (false). */
    boolean send(Write write, int firstInstance, String kind) {
        long deadline = System.nanoTime() + retryWindow.toNanos();
        String body = "{\"description\":\"" + write.description() + "\",\"achievedOn\":\"2024-06-01\"}";
        Map<String, String> headers = Map.of("Idempotency-Key", write.key(), "X-Correlation-Id", write.key());
        for (int attempt = 0; ; attempt++) {
            TrackerInstance instance = instances.get((firstInstance + attempt) % instances.size());
            SoakHttp.Response r = http.post(
                    write.user(),
                    instance.baseUrl() + "/api/commitments/" + write.commitmentId() + "/milestones",
                    body,
                    headers);
            metrics.record(kind, r);
            if (r.ok()) {
                long version = parse(r.body()).path("version").asLong(-1);
                acknowledged.put(write.key(), new Ack(write, version));
                if (attempt > 0) {
                    metrics.count("writes acknowledged after a retry");
                }
                if (r.headers().containsKey("idempotent-replayed")) {
                    metrics.count("writes acknowledged by an idempotent replay");
                }
                return true;
            }
            boolean inProgress = r.status() == 409 && r.body().contains("Request in progress");
            boolean retryable = inProgress || r.status() == 429 || r.status() >= 500;
            if (!retryable) {
                rejected.put(write.key(), r.status() + " " + r.body());
                return false;
            }
            if (System.nanoTime() > deadline) {
                abandoned.put(write.key(), write);
                return false;
            }
            long backoffMillis = r.retryAfterSeconds().isPresent()
                    ? Math.min(5_000, r.retryAfterSeconds().getAsLong() * 1000)
                    : Math.min(5_000, 250L << Math.min(attempt, 5));
            pause(backoffMillis);
        }
    }

    void startWriters(int writers, double perSecond) {
        double perThread = perSecond / writers;
        long intervalNanos = (long) (1e9 / perThread);
        for (int t = 0; t < writers; t++) {
            int thread = t;
            Thread writer = thread("soak-writer-" + t, () -> {
                long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(intervalNanos);
                while (!stopping.get()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        pause(wait / 1_000_000);
                    }
                    // paced, not catching up: a writer held up by retries starts its next write on the next slot
                    next = Math.max(next + intervalNanos, System.nanoTime());
                    if (stopping.get()) {
                        return;
                    }
                    Write write = newWrite("writer " + thread);
                    metrics.count("writes offered");
                    send(write, (int) (write.n() % instances.size()), "write");
                }
            });
            writerThreads.add(writer);
            threads.add(writer);
            writer.start();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    void startReaders(int readers, double perSecond) {
        double perThread = perSecond / readers;
        long intervalNanos = (long) (1e9 / perThread);
        String[] paths = {"/api/areas", "/api/funding", "/api/commitments/%s", "/api/commitments/%s/history"};
        String[] kinds = {"read areas", "read funding", "read commitment", "read history"};
        for (int t = 0; t < readers; t++) {
            Thread reader = thread("soak-reader-" + t, () -> {
                long next = System.nanoTime();
                long n = 0;
                while (!stopping.get()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        pause(wait / 1_000_000);
                    }
                    next = Math.max(next + intervalNanos, System.nanoTime());
                    int which = (int) (n % paths.length);
                    String path = paths[which].formatted(commitments.get((int) (n % commitments.size())));
                    TrackerInstance instance = instances.get((int) ((n / paths.length) % instances.size()));
                    metrics.record(kinds[which], http.get(SoakHttp.VIEWER, instance.baseUrl() + path));
                    n++;
                }
            });
            threads.add(reader);
            reader.start();
        }
    }

    // ---- activity streams ----------------------------------------------------------------------------------------

    void startStreams(int streams) {
        for (int s = 0; s < streams; s++) {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            streamed.add(seen);
            int stream = s;
            Thread follower = thread("soak-stream-" + s, () -> follow(stream, seen));
            streamThreads.add(follower);
            follower.start();
        }
    }

    private void follow(int stream, Set<String> seen) {
        long lastEventId = -1;
        int connection = 0;
        while (!streamsStopping.get()) {
            TrackerInstance instance = instances.get((stream + connection++) % instances.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(instance.baseUrl() + "/api/stream/activity"))
                    .header("Authorization", SoakHttp.basic(SoakHttp.VIEWER))
                    .header("Accept", "text/event-stream");
            if (lastEventId >= 0) {
                request.header("Last-Event-ID", Long.toString(lastEventId));
            }
            long start = System.nanoTime();
            try {
                HttpResponse<Stream<String>> response =
                        http.client().send(request.build(), HttpResponse.BodyHandlers.ofLines());
                metrics.record("stream connect", response.statusCode(), System.nanoTime() - start);
                if (response.statusCode() != 200) {
                    response.body().close();
                    pause(1_000);
                    continue;
                }
                try (Stream<String> lines = response.body()) {
                    var it = lines.iterator();
                    while (!streamsStopping.get() && it.hasNext()) {
                        String line = it.next();
                        if (line.startsWith("id:")) {
                            lastEventId = Long.parseLong(line.substring(3).trim());
                        } else if (line.startsWith("data:")) {
                            JsonNode entry = parse(line.substring(5)).path("data");
                            String id = entry.path("commitmentId").asText("");
                            if (commitments.contains(id)) {
                                seen.add(id + "#" + entry.path("sequence").asLong());
                                metrics.count("activity entries streamed");
                            }
                        }
                    }
                }
                if (!streamsStopping.get()) {
                    metrics.count("streams ended by the server");
                }
            } catch (IOException | RuntimeException e) {
                metrics.record("stream connect", SoakHttp.NO_CONNECTION, System.nanoTime() - start);
                metrics.count("streams broken");
                pause(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---- exports and replays -------------------------------------------------------------------------------------

    void startExporter(Duration every) {
        Thread exporter = thread("soak-exporter", () -> {
            int n = 0;
            while (!stopping.get()) {
                pauseUnlessStopping(every);
                if (stopping.get()) {
                    return;
                }
                TrackerInstance instance = instances.get(n++ % instances.size());
                long start = System.nanoTime();
                try {
                    long[] lines = streamExport(instance.baseUrl() + "/api/audit/export");
                    long nanos = System.nanoTime() - start;
                    metrics.record("export", (int) lines[0], nanos);
                    exportResults.add(String.format(
                            "%s: %d, %,d lines in %.1f s", instance.name(), lines[0], lines[1], nanos / 1e9));
                } catch (IOException e) {
                    metrics.record("export", SoakHttp.NO_CONNECTION, System.nanoTime() - start);
                    exportResults.add(instance.name() + ": " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        threads.add(exporter);
        exporter.start();
    }

    /** Reads a whole export; answers {status, lines}. */
    long[] streamExport(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", SoakHttp.basic(SoakHttp.AUDITOR))
                .timeout(Duration.ofMinutes(10))
                .build();
        HttpResponse<InputStream> response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[] {response.statusCode(), lines};
    }

    void startReplayer(Duration every) {
        Thread replayer = thread("soak-replayer", () -> {
            int n = 0;
            String[] projections = {"funding-totals", "area-status", "commitment-view", "history"};
            while (!stopping.get()) {
                pauseUnlessStopping(every);
                if (stopping.get()) {
                    return;
                }
                TrackerInstance instance = instances.get(n % instances.size());
                String projection = projections[n++ % projections.length];
                SoakHttp.Response started = http.post(
                        SoakHttp.AUDITOR,
                        instance.baseUrl() + "/api/audit/replays",
                        "{\"projection\":\"" + projection + "\"}",
                        Map.of());
                metrics.record("replay start", started);
                if (started.status() != 202) {
                    replayResults.add(String.format(
                            "%s on %s: start answered %d %s",
                            projection, instance.name(), started.status(), abbreviate(started.body())));
                    continue;
                }
                String id = parse(started.body()).path("id").asText();
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                String state = "RUNNING";
                JsonNode progress = null;
                while (System.nanoTime() < deadline && "RUNNING".equals(state)) {
                    pause(1_000);
                    SoakHttp.Response r = http.get(SoakHttp.AUDITOR, instance.baseUrl() + "/api/audit/replays/" + id);
                    metrics.record("replay progress", r);
                    if (r.status() == 404 || r.status() >= 590) {
                        state = "LOST (instance restarted: " + r.status() + ")";
                    } else if (r.ok()) {
                        progress = parse(r.body());
                        state = progress.path("state").asText();
                    }
                }
                replayResults.add(String.format(
                        "%s on %s: %s%s",
                        projection,
                        instance.name(),
                        state,
                        progress == null
                                ? ""
                                : String.format(
                                        ", %,d events at %,.0f/s",
                                        progress.path("total").asLong(),
                                        progress.path("eventsPerSecond").asDouble())));
            }
        });
        threads.add(replayer);
        replayer.start();
    }

    /** A line on standard output every {@code every}: what was sent and acknowledged so far. */
    void startProgress(Duration every, long startNanos) {
        Thread progress = thread("soak-progress", () -> {
            while (!stopping.get()) {
                pauseUnlessStopping(every);
                System.out.printf(
                        "[soak] %.0f s: %,d writes sent, %,d acknowledged, %,d given up, %,d refused;"
                                + " %,d activity entries streamed%n",
                        (System.nanoTime() - startNanos) / 1e9,
                        sent.size(),
                        acknowledged.size(),
                        abandoned.size(),
                        rejected.size(),
                        metrics.counter("activity entries streamed"));
            }
        });
        threads.add(progress);
        progress.start();
    }

    // ---- stopping ------------------------------------------------------------------------------------------------

    /** Stops starting new work; waits for the writes in flight (retries included) to settle. */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread writer : writerThreads) {
            writer.join(retryWindow.toMillis() + 120_000);
        }
        for (Thread thread : threads) {
            if (!writerThreads.contains(thread)) {
                thread.interrupt();
                thread.join(30_000);
            }
        }
    }

    /** Stops the activity streams (they go on after {@link #stop()}, to see the last writes arrive). */
    void stopStreams() throws InterruptedException {
        streamsStopping.set(true);
        for (Thread thread : streamThreads) {
            thread.join(15_000);
        }
    }

    /**
     * One attempt of a recovery probe: {@code write} (the same key on every attempt) through {@code instance}; true
     * once acknowledged.
     */
    boolean probe(Write write, TrackerInstance instance) {
        SoakHttp.Response r = http.post(
                write.user(),
                instance.baseUrl() + "/api/commitments/" + write.commitmentId() + "/milestones",
                "{\"description\":\"" + write.description() + "\",\"achievedOn\":\"2024-06-01\"}",
                Map.of("Idempotency-Key", write.key(), "X-Correlation-Id", write.key()));
        metrics.record("probe write", r);
        if (r.ok()) {
            acknowledged.put(
                    write.key(), new Ack(write, parse(r.body()).path("version").asLong(-1)));
            abandoned.remove(write.key());
            return true;
        }
        if (r.status() < 500 && r.status() != 429 && r.status() != 409) {
            rejected.put(write.key(), r.status() + " " + r.body());
        } else {
            abandoned.put(write.key(), write);
        }
        return false;
    }

    int instanceCount() {
        return instances.size();
    }

    long writesSent() {
        return writeCounter.get();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    private void pauseUnlessStopping(Duration total) {
        long end = System.nanoTime() + total.toNanos();
        while (!stopping.get() && System.nanoTime() < end) {
            pause(Math.min(500, (end - System.nanoTime()) / 1_000_000 + 1));
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(Math.max(0, millis)); // pacing a load generator, not waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void discard(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }
}
