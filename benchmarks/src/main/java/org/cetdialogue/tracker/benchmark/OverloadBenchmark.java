package org.cetdialogue.tracker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The tracker under load and overload (issue 12), over HTTP against the packaged tracker:
 *
 * <ul>
 *   <li>contention: 4, 16 and 64 closed-loop writers on one commitment, with throughput, p99, the longest wait and
 *       the refusals by status; a refused writer waits its {@code Retry-After} before the next write, as a client
 *       should. The baseline is the 4-writer figure of the same run; the rule: 64 writers keep at least half of it,
 *       no 5xx but 503 with {@code Retry-After}, no wait over 5 s;
 *   <li>capacity: 16 writers spread over 16 commitments;
 *   <li>the live feed at that capacity: writes sent open-loop at the measured rate, each acknowledged write looked
 *       for on {@code /api/stream/activity}; the delay from acknowledgement to the stream, and the lag the stream
 *       reports;
 *   <li>1,000 open streams: {@code GET /api/areas} at 50/s while they are open.
 * </ul>
 */
final class OverloadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpLoad writer;
    private final double seconds;
    private final List<String[]> rows;

    OverloadBenchmark(String baseUrl, double seconds, List<String[]> rows) {
        this.baseUrl = baseUrl;
        this.writer = HttpLoad.basic("us-secretariat", "us-secretariat-demo");
        this.seconds = seconds;
        this.rows = rows;
    }

    record Contention(
            int writers,
            long accepted,
            double perSecond,
            double p99Millis,
            double maxMillis,
            Map<Integer, Long> byStatus,
            long badRefusals) {

        /** Two rounds as one: mean throughput, the worse p99 and longest wait, answers added up. */
        Contention and(Contention other) {
            Map<Integer, Long> statuses = new TreeMap<>(byStatus);
            other.byStatus().forEach((status, count) -> statuses.merge(status, count, Long::sum));
            return new Contention(
                    writers,
                    accepted + other.accepted(),
                    (perSecond + other.perSecond()) / 2,
                    Math.max(p99Millis, other.p99Millis()),
                    Math.max(maxMillis, other.maxMillis()),
                    statuses,
                    badRefusals + other.badRefusals());
        }

        String refusals() {
            StringBuilder out = new StringBuilder();
            byStatus.forEach((status, count) -> {
                if (status >= 300) {
                    out.append(out.length() == 0 ? "" : ", ")
                            .append(status)
                            .append(": ")
                            .append(count);
                }
            });
            return out.length() == 0 ? "none" : out.toString();
        }
    }

    /** Closed loop: {@code writers} clients on {@code ids} (one or many commitments). */
    Contention contention(String label, int writers, List<String> ids) throws Exception {
        long measuredFrom = System.nanoTime() + 2_000_000_000L;
        long end = measuredFrom + (long) (seconds * 1e9);
        AtomicLong counter = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        AtomicLong badRefusals = new AtomicLong();
        AtomicLong late = new AtomicLong();
        HttpLoad.onThreads(writers, () -> {
            long start;
            while ((start = System.nanoTime()) < end) {
                long n = counter.getAndIncrement();
                HttpLoad.Answer answer = writer.exchange(milestone(ids.get((int) (n % ids.size()))));
                long finished = System.nanoTime();
                long took = finished - start;
                // every answer that came in the measured window counts, however long ago it was sent; an
                // answer after the window still counts as a wait, not as throughput
                if (finished >= measuredFrom) {
                    latencies.add(took);
                    if (finished > end && answer.status() < 300) {
                        late.incrementAndGet();
                    }
                    byStatus.computeIfAbsent(answer.status(), s -> new AtomicLong())
                            .incrementAndGet();
                    boolean retryable =
                            (answer.status() == 503 || answer.status() == 429) && answer.retryAfterSeconds() > 0;
                    if (answer.status() >= 500 && !retryable) {
                        badRefusals.incrementAndGet();
                    }
                }
                if (answer.retryAfterSeconds() > 0) {
                    long pause =
                            Math.min(TimeUnit.SECONDS.toNanos(answer.retryAfterSeconds()), end - System.nanoTime());
                    if (pause > 0) {
                        TimeUnit.NANOSECONDS.sleep(pause); // the client honours Retry-After
                    }
                }
            }
        });
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.get()));
        long accepted = statuses.entrySet().stream()
                        .filter(e -> e.getKey() < 300)
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                - late.get();
        long max = 0;
        for (long n : nanos) {
            max = Math.max(max, n);
        }
        Contention result = new Contention(
                writers,
                accepted,
                accepted / seconds,
                Stats.percentileMillis(nanos, 99),
                max / 1e6,
                statuses,
                badRefusals.get());
        BenchmarkMain.log(label + ": " + result);
        return result;
    }

    /** Runs the contention rows; answers the spread capacity (writes a second, 16 writers on 16 commitments). */
    double contentionRows(String database) throws Exception {
        String one = "bench-contention-" + System.currentTimeMillis();
        create(one);
        // warm-up, not counted: the JIT compiles the write path first
        contention("warm-up, 8 writers", 8, List.of(one));
        // two rounds of 4, 16 and 64: on a shared machine the load drifts during a run, and each count sees both
        List<Contention> results = new ArrayList<>();
        int[] counts = {4, 16, 64};
        for (int writers : counts) {
            results.add(contention(writers + " writers, one commitment", writers, List.of(one)));
        }
        for (int i = 0; i < counts.length; i++) {
            results.set(
                    i,
                    results.get(i)
                            .and(contention(counts[i] + " writers, one commitment, again", counts[i], List.of(one))));
        }
        double baselineRate = results.get(0).perSecond();
        for (Contention r : results) {
            boolean pass = r.perSecond() >= baselineRate / 2 && r.badRefusals() == 0 && r.maxMillis() <= 5000;
            rows.add(new String[] {
                r.writers() + " writers, one commitment (" + database + "), two rounds",
                Stats.perSecond(r.perSecond()) + " accepted, p99 " + Stats.ms(r.p99Millis()) + ", longest "
                        + Stats.ms(r.maxMillis()) + "; refused: " + r.refusals()
                        + (r.badRefusals() > 0 ? " (" + r.badRefusals() + " 5xx without Retry-After)" : ""),
                Stats.perSecond(baselineRate) + " (4 writers)",
                Stats.ratio(r.perSecond(), baselineRate) + (pass ? " pass" : " FAIL")
            });
        }
        List<String> spread = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String id = one + "-spread-" + i;
            create(id);
            spread.add(id);
        }
        Contention capacity = contention("16 writers, 16 commitments", 16, spread);
        rows.add(new String[] {
            "16 writers, 16 commitments (" + database + "): the capacity",
            Stats.perSecond(capacity.perSecond()) + " accepted, p99 " + Stats.ms(capacity.p99Millis()) + "; refused: "
                    + capacity.refusals(),
            "",
            ""
        });
        return capacity.perSecond();
    }

    /**
     * Writes at {@code rate} a second, open loop, on 16 commitments, while one client reads the activity stream;
     * each acknowledged write is looked for on the stream (by commitment and version) until 30 s after the last.
     */
    void liveFeed(String database, int rate) throws Exception {
        String prefix = "bench-feed-" + System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            create(prefix + "-" + i);
            ids.add(prefix + "-" + i);
        }
        Map<String, Long> seen = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<?> stream = client.sendAsync(
                sse("/api/stream/activity", "us-secretariat", "us-secretariat-demo"),
                HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(line -> {
                    if (!line.startsWith("data:")) {
                        return;
                    }
                    subscribed.countDown();
                    try {
                        JsonNode message = JSON.readTree(line.substring(5));
                        JsonNode entry = message.path("data");
                        if (message.hasNonNull("lag")) {
                            lags.add(message.get("lag").asLong());
                        }
                        if (entry.hasNonNull("commitmentId")) {
                            seen.putIfAbsent(
                                    entry.get("commitmentId").asText() + "#"
                                            + entry.get("sequence").asLong(),
                                    System.nanoTime());
                        }
                    } catch (Exception ignored) {
                        // a line that is not a stream message
                    }
                })));
        // the writes start once the stream has sent its first entries: everything after them comes as updates
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the activity stream sent nothing within 60 s");
        }
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime() + 1_000_000_000L;
        long end = begin + (long) (seconds * 1e9);
        AtomicLong slots = new AtomicLong();
        HttpLoad.onThreads(32, () -> {
            long slot;
            while ((slot = slots.getAndIncrement()) >= 0) {
                long due = begin + slot * interval;
                if (due >= end) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // the schedule of an open-loop load
                }
                String id = ids.get((int) (slot % ids.size()));
                HttpLoad.Answer answer = writer.exchange(milestone(id));
                byStatus.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
                if (answer.status() == 200) {
                    long version = JSON.readTree(answer.body()).get("version").asLong();
                    acknowledged.put(id + "#" + version, System.nanoTime());
                }
            }
        });
        long lastAck = System.nanoTime();
        while (System.nanoTime() - lastAck < TimeUnit.SECONDS.toNanos(30)
                && !seen.keySet().containsAll(acknowledged.keySet())) {
            Thread.sleep(50); // waiting, with a bound, for the stream to show the rest
        }
        stream.cancel(true);
        List<Long> delays = new ArrayList<>();
        long within5s = 0;
        for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
            Long at = seen.get(ack.getKey());
            if (at != null) {
                long delay = Math.max(0, at - ack.getValue());
                delays.add(delay);
                if (delay <= TimeUnit.SECONDS.toNanos(5)) {
                    within5s++;
                }
            }
        }
        List<String> missing = acknowledged.keySet().stream()
                .filter(key -> !seen.containsKey(key))
                .sorted()
                .limit(10)
                .toList();
        if (!missing.isEmpty()) {
            BenchmarkMain.log("acknowledged but not seen on the stream (first 10): " + missing);
        }
        long[] nanos = delays.stream().mapToLong(Long::longValue).toArray();
        long[] lagValues = lags.stream().mapToLong(l -> l * 1_000_000L).toArray();
        long maxLag = lags.stream().mapToLong(Long::longValue).max().orElse(0);
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.get()));
        BenchmarkMain.log("live feed: acknowledged " + acknowledged.size() + ", seen " + delays.size() + ", statuses "
                + statuses);
        rows.add(new String[] {
            "Live feed at " + rate + " writes/s (" + database + ")",
            acknowledged.size() + " acknowledged, " + delays.size() + " seen on the stream, " + within5s
                    + " within 5 s; delay p50 " + Stats.ms(Stats.percentileMillis(nanos, 50)) + ", p99 "
                    + Stats.ms(Stats.percentileMillis(nanos, 99)) + "; lag reported p99 "
                    + (long) Stats.percentileMillis(lagValues, 99) + " events, max " + maxLag + "; statuses "
                    + statuses,
            "",
            within5s == acknowledged.size() ? "pass" : "FAIL"
        });
    }

    /** Opens {@code count} streams of {@code /api/stream/areas}, then reads {@code /api/areas} at 50/s. */
    void openStreams(String database, int count) throws Exception {
        HttpLoad viewer = HttpLoad.basic("viewer", "viewer-demo");
        // the baseline: the same reads, no stream open
        viewer.saturation(n -> HttpLoad.Call.get(baseUrl + "/api/areas"), 4, 3);
        HttpLoad.Result alone = viewer.fixedRate(n -> HttpLoad.Call.get(baseUrl + "/api/areas"), 50, seconds, 16);
        String loadAlone = Stats.loadAverage();
        HttpClient client = HttpClient.newBuilder().build();
        CountDownLatch started = new CountDownLatch(count);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> streams = new ArrayList<>();
        List<Lines> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AtomicInteger firstEvent = new AtomicInteger();
            Lines reader = new Lines(line -> {
                if (line.startsWith("event:") && firstEvent.getAndIncrement() == 0) {
                    started.countDown();
                }
            });
            readers.add(reader);
            streams.add(client.sendAsync(
                            sse("/api/stream/areas", "viewer", "viewer-demo"),
                            HttpResponse.BodyHandlers.fromLineSubscriber(reader))
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            if (failed.incrementAndGet() <= 3) {
                                BenchmarkMain.log("a stream failed: "
                                        + (error != null ? error.toString() : "status " + response.statusCode()));
                            }
                            started.countDown();
                        }
                    }));
        }
        boolean allStarted = started.await(120, TimeUnit.SECONDS);
        BenchmarkMain.log(
                count + " streams opened (" + failed.get() + " refused or failed, all answered: " + allStarted + ")");
        // the same warm-up as the baseline's: what is measured is the reads beside streams held open, not the
        // opening of a thousand streams (their initial results, bounded by tracker.stream.delivery.max-opening)
        viewer.saturation(n -> HttpLoad.Call.get(baseUrl + "/api/areas"), 4, 3);
        HttpLoad.Result reads = viewer.fixedRate(n -> HttpLoad.Call.get(baseUrl + "/api/areas"), 50, seconds, 16);
        String loadWithStreams = Stats.loadAverage();
        long open = openStreams();
        // the clients go away without a word: their slots are free once a heartbeat finds them gone
        long closedAt = System.nanoTime();
        readers.forEach(Lines::close);
        streams.forEach(s -> s.cancel(true));
        long left = open;
        while (System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(60) && (left = openStreams()) > 0) {
            Thread.sleep(100); // polling the tracker's gauge, with a bound
        }
        double freedSeconds = (System.nanoTime() - closedAt) / 1e9;
        rows.add(new String[] {
            "GET /api/areas at 50/s with " + count + " open streams (" + database + ")",
            "p50 " + Stats.ms(reads.p50Millis()) + ", p99 " + Stats.ms(reads.p99Millis()) + ", errors "
                    + reads.errors() + "; streams failed " + failed.get() + "; " + open + " open, all freed "
                    + String.format("%.1f s", freedSeconds) + " after their clients closed ("
                    + left + " left); load average " + loadWithStreams,
            "no stream open: p50 " + Stats.ms(alone.p50Millis()) + ", p99 " + Stats.ms(alone.p99Millis())
                    + "; load average " + loadAlone,
            reads.p99Millis() < 100 && failed.get() == 0 && left == 0 ? "pass" : "FAIL"
        });
    }

    /** The tracker's {@code tracker_stream_subscribers} gauge, read as an auditor from its Prometheus endpoint. */
    private long openStreams() {
        HttpLoad.Answer answer =
                HttpLoad.basic("auditor", "auditor-demo").exchange(HttpLoad.Call.get(baseUrl + "/actuator/prometheus"));
        for (String line : answer.body().split("\n")) {
            if (line.startsWith("tracker_stream_subscribers")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private HttpRequest sse(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(30))
                .build();
    }

    private HttpLoad.Call milestone(String id) {
        return HttpLoad.Call.post(
                baseUrl + "/api/commitments/" + id + "/milestones",
                "{\"description\":\"Overload benchmark milestone\",\"achievedOn\":\"2024-02-01\"}");
    }

    private void create(String id) throws Exception {
        int proposed = writer.send(HttpLoad.Call.post(baseUrl + "/api/commitments", """
                {"commitmentId":"%s","area":"QUANTUM","kind":"PROGRAM","titleEn":"Overload benchmark %s",
                 "titleKo":"과부하 벤치마크","parties":[{"nameEn":"Lab","nameKo":"연구소","country":"US","role":"LEAD"}],
                 "announcedOn":"2024-01-15"}""".formatted(id, id)));
        int launched = writer.send(
                HttpLoad.Call.post(baseUrl + "/api/commitments/" + id + "/launch", "{\"launchedOn\":\"2024-01-15\"}"));
        if (proposed >= 400 || launched >= 400) {
            throw new IllegalStateException("setting up " + id + " failed: " + proposed + ", " + launched);
        }
    }

    /** The lines of a stream, handed one by one to a consumer, with no thread of its own. */
    private static final class Lines implements Flow.Subscriber<String> {

        private final Consumer<String> consumer;
        private volatile Flow.Subscription subscription;

        Lines(Consumer<String> consumer) {
            this.consumer = consumer;
        }

        /** Closes the stream's connection, as a client going away does. */
        void close() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            consumer.accept(line);
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }
}
