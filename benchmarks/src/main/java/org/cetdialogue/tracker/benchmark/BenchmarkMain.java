package org.cetdialogue.tracker.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Runs every benchmark of docs/PERFORMANCE.md against one database and prints a Markdown table: the tracker's
 * figure, the raw-database baseline from the same run, and their ratio.
 *
 * <pre>
 * java -jar benchmarks/target/cet-tracker-benchmarks.jar --database=h2
 * java -jar benchmarks/target/cet-tracker-benchmarks.jar --database=postgres \
 *     --postgres-url=jdbc:postgresql://127.0.0.1:5432/postgres --postgres-user=postgres
 * </pre>
 *
 * Options: {@code --events} (default 1000000), {@code --first-events} (the first size, for reads; 100000), {@code
 * --seconds} per measurement (10), {@code --repo} (.), {@code
 * --tracker-arg=...} (repeatable; passed to the packaged tracker).
 *
 * <p>{@code java -jar benchmarks/target/cet-tracker-benchmarks.jar soak --duration=60m} runs the soak with faults
 * instead ({@link org.cetdialogue.tracker.benchmark.soak.SoakMain}, through {@code tools/soak.sh}).
 */
public final class BenchmarkMain {

    private final Map<String, String> options;
    private final List<String[]> rows = new ArrayList<>();

    private BenchmarkMain(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("soak")) {
            // the soak with faults (tools/soak.sh, docs/RELIABILITY.md)
            org.cetdialogue.tracker.benchmark.soak.SoakMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> options = new HashMap<>();
        List<String> trackerArgs = new ArrayList<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv[0].equals("tracker-arg")) {
                trackerArgs.add(kv[1]);
            } else {
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
            }
        }
        options.put("tracker-args", String.join("\u0000", trackerArgs));
        new BenchmarkMain(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        if (options.getOrDefault("suite", "all").equals("overload")) {
            overload();
            return;
        }
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path gatewayResources = repo.resolve("api-gateway/src/main/resources");
        Path jar = repo.resolve("api-gateway/target/cet-commitment-tracker.jar");
        long targetEvents = Long.parseLong(options.getOrDefault("events", "1000000"));
        long firstEvents = Long.parseLong(options.getOrDefault("first-events", "100000"));
        String firstLabel = String.format("%,d", firstEvents);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        Path work = Files.createTempDirectory("cet-bench-");
        Database database = options.getOrDefault("database", "h2").equals("postgres")
                ? Database.freshPostgres(
                        options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                        options.getOrDefault("postgres-user", "postgres"),
                        options.getOrDefault("postgres-password", ""))
                : Database.h2(work);
        List<String> trackerArgs = new ArrayList<>();
        for (String a : options.get("tracker-args").split("\u0000")) {
            if (!a.isBlank()) {
                trackerArgs.add(a);
            }
        }
        log("database " + database.kind() + " (" + database.url() + "), work directory " + work);

        // 1. In-process: writes, aggregate load, then fill the store to the first size (100,000 events).
        try (InProcessTracker tracker = new InProcessTracker(database, gatewayResources)) {
            WriteBenchmark writes = new WriteBenchmark(tracker, seconds);
            List<List<String>> one = writes.prepare(1, 4);
            List<List<String>> eight = writes.prepare(8, 4);
            for (int senders : new int[] {1, 8}) {
                log("writes, " + senders + " sender(s)");
                double tracked = writes.commandsPerSecond(senders == 1 ? one : eight);
                // the baseline inserts rows as large as the milestone events just written
                byte[][] sample = tracker.jdbc()
                        .queryForObject(
                                "SELECT payload, meta_data FROM domain_event_entry ORDER BY global_index DESC"
                                        + " LIMIT 1",
                                (rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)});
                double raw = writes.rawInsertsPerSecond(senders, sample[0], sample[1]);
                rows.add(row(
                        "Writes, " + senders + " sender(s)",
                        Stats.perSecond(tracked) + " commands",
                        Stats.perSecond(raw) + " inserts",
                        Stats.ratio(tracked, raw)));
            }
            AggregateLoadBenchmark load = new AggregateLoadBenchmark(tracker);
            for (int past : new int[] {10, 1_000, 10_000}) {
                log("aggregate load, " + past + " past events");
                AggregateLoadBenchmark.Result r = load.measure(past);
                rows.add(row(
                        "Command on a commitment with " + String.format("%,d", past) + " past events",
                        Stats.ms(r.medianMillis()) + " median (first: " + Stats.ms(r.firstCommandMillis()) + ")",
                        "",
                        ""));
            }
            fillTo(tracker, firstEvents);
        }

        // 2. The packaged tracker at the first size: start-up, reads at 500/s, HTTP writes.
        try (ExternalTracker app =
                ExternalTracker.start(jar, database, 18181, work.resolve("tracker-100k.log"), trackerArgs)) {
            rows.add(row(
                    "Start-up at " + firstLabel + " events", String.format("%.1f s", app.startupSeconds()), "", ""));
            HttpLoad viewer = HttpLoad.signedIn(app.baseUrl(), "viewer", "viewer-demo");
            reads(app, viewer, firstLabel, seconds);
            HttpLoad secretariat = HttpLoad.basic("us-secretariat", "us-secretariat-demo");
            httpWrites(app, secretariat, seconds);
        }

        // 3. In-process: fill to the target, then rebuild every projection from the events.
        try (InProcessTracker tracker = new InProcessTracker(database, gatewayResources)) {
            fillTo(tracker, targetEvents);
            long events = tracker.storedEvents();
            ReplayBenchmark replay = new ReplayBenchmark(tracker, database);
            log("replay of " + events + " events");
            double replayed = replay.replayEventsPerSecond(events);
            log("raw read and parse of " + events + " events");
            double raw = replay.rawReadAndParsePerSecond();
            rows.add(row(
                    "Replay, all projections, " + String.format("%,d", events) + " events",
                    Stats.perSecond(replayed) + " events",
                    Stats.perSecond(raw) + " rows read+parsed",
                    Stats.ratio(replayed, raw)));
        }

        // 4. The packaged tracker at the target: start-up, reads, resident memory.
        try (ExternalTracker app =
                ExternalTracker.start(jar, database, 18182, work.resolve("tracker-full.log"), trackerArgs)) {
            String label = String.format("%,d", targetEvents);
            rows.add(row("Start-up at " + label + " events", String.format("%.1f s", app.startupSeconds()), "", ""));
            HttpLoad viewer = HttpLoad.signedIn(app.baseUrl(), "viewer", "viewer-demo");
            reads(app, viewer, label, seconds);
            rows.add(row(
                    "Resident memory at " + label + " events (after the reads)", app.residentMiB() + " MiB", "", ""));
        }

        print(database, "results");
    }

    /**
     * Issue 12's figures against the packaged tracker (or {@code --jar}): writers contending for one commitment, the
     * capacity spread over 16, the live feed at that capacity, and {@code --streams} (1000) open streams. The rate
     * limit and the per-user stream cap are lifted for the run.
     */
    private void overload() throws Exception {
        // one keep-alive connection per writer thread (the JDK keeps 5 per host by default)
        System.setProperty("http.maxConnections", "256");
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path jar = Path.of(options.getOrDefault(
                "jar",
                repo.resolve("api-gateway/target/cet-commitment-tracker.jar").toString()));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        int streams = Integer.parseInt(options.getOrDefault("streams", "1000"));
        int port = Integer.parseInt(options.getOrDefault("port", "18183"));
        Path work = Files.createTempDirectory("cet-bench-");
        Database database = database(work);
        List<String> trackerArgs = new ArrayList<>(
                List.of("--tracker.rate-limit.enabled=false", "--tracker.stream.max-per-user=" + (streams + 10)));
        for (String a : options.get("tracker-args").split("\u0000")) {
            if (!a.isBlank()) {
                trackerArgs.add(a);
            }
        }
        log("database " + database.kind() + " (" + database.url() + "), jar " + jar + ", work directory " + work);
        try (ExternalTracker app =
                ExternalTracker.start(jar, database, port, work.resolve("tracker-overload.log"), trackerArgs)) {
            OverloadBenchmark overload = new OverloadBenchmark(app.baseUrl(), seconds, rows);
            List<String> parts = List.of(
                    options.getOrDefault("parts", "contention,feed,streams").split(","));
            double capacity = parts.contains("contention") ? overload.contentionRows(database.kind()) : 100;
            if (parts.contains("feed")) {
                int rate = Integer.parseInt(options.getOrDefault("feed-rate", Long.toString(Math.round(capacity))));
                log("live feed at " + rate + " writes/s");
                overload.liveFeed(database.kind(), Math.max(1, rate));
            }
            if (parts.contains("streams")) {
                log(streams + " open streams");
                overload.openStreams(database.kind(), streams);
            }
        }
        print(database, "overload");
        database.drop(options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/postgres"));
    }

    private Database database(Path work) throws Exception {
        return options.getOrDefault("database", "h2").equals("postgres")
                ? Database.freshPostgres(
                        options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                        options.getOrDefault("postgres-user", "postgres"),
                        options.getOrDefault("postgres-password", ""),
                        options.getOrDefault("postgres-database-prefix", "cet_bench_"))
                : Database.h2(work);
    }

    private void fillTo(InProcessTracker tracker, long target) {
        long stored = tracker.storedEvents();
        // a history grows by events, not by commitments: each fill adds 100 commitments (the fact sheet has 16), so
        // the reads' answers keep their size while the store grows tenfold
        int commitments = 100;
        int perCommitment = (int) Math.max(0, (target - stored) / commitments);
        log("filling the store from " + stored + " to about " + target + " events");
        tracker.bulkAppend("bench-fill-" + stored, commitments, perCommitment);
        tracker.awaitProjectionsCaughtUp(Duration.ofHours(2));
    }

    private void reads(ExternalTracker app, HttpLoad viewer, String events, double seconds) throws Exception {
        for (String path : new String[] {"/api/areas", "/api/funding"}) {
            log("reads of " + path + " at 500/s, " + events + " events, " + viewer.authMode());
            // the JIT compiles the read path first: 5 s as fast as 16 clients go, not counted
            viewer.saturation(n -> HttpLoad.Call.get(app.baseUrl() + path), 16, 5);
            HttpLoad.Result r = viewer.fixedRate(n -> HttpLoad.Call.get(app.baseUrl() + path), 500, seconds, 32);
            rows.add(row(
                    "Read " + path + " at 500/s, " + events + " events (" + viewer.authMode() + ")",
                    "p50 " + Stats.ms(r.p50Millis()) + ", p99 " + Stats.ms(r.p99Millis()) + ", errors " + r.errors(),
                    "",
                    ""));
        }
    }

    private void httpWrites(ExternalTracker app, HttpLoad secretariat, double seconds) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String id = "bench-http-" + i;
            ids.add(id);
            send(secretariat, app.baseUrl() + "/api/commitments", """
                    {"commitmentId":"%s","area":"QUANTUM","kind":"PROGRAM","titleEn":"HTTP benchmark %s",
                     "titleKo":"HTTP 벤치마크","parties":[{"nameEn":"Lab","nameKo":"연구소","country":"US","role":"LEAD"}],
                     "announcedOn":"2024-01-15"}""".formatted(id, id));
            send(secretariat, app.baseUrl() + "/api/commitments/" + id + "/launch", "{\"launchedOn\":\"2024-01-15\"}");
        }
        LongFunction<HttpLoad.Call> milestone = n -> HttpLoad.Call.post(
                app.baseUrl() + "/api/commitments/" + ids.get((int) (n % ids.size())) + "/milestones",
                "{\"description\":\"HTTP benchmark milestone\",\"achievedOn\":\"2024-02-01\"}");
        log("HTTP writes at 50/s, " + secretariat.authMode());
        HttpLoad.Result fixed = secretariat.fixedRate(milestone, 50, seconds, 16);
        rows.add(row(
                "HTTP POST milestone at 50/s (" + secretariat.authMode() + ")",
                Stats.perSecond(fixed.perSecond()) + ", p50 " + Stats.ms(fixed.p50Millis()) + ", p99 "
                        + Stats.ms(fixed.p99Millis()) + ", errors " + fixed.errors(),
                "",
                ""));
        log("HTTP writes at saturation, 16 clients");
        HttpLoad.Result saturated = secretariat.saturation(milestone, 16, seconds);
        rows.add(row(
                "HTTP POST milestone, saturation, 16 clients (" + secretariat.authMode() + ")",
                Stats.perSecond(saturated.perSecond()) + ", p50 " + Stats.ms(saturated.p50Millis()) + ", p99 "
                        + Stats.ms(saturated.p99Millis()) + ", errors " + saturated.errors(),
                "",
                ""));
    }

    private static void send(HttpLoad load, String url, String json) throws Exception {
        int status = load.send(HttpLoad.Call.post(url, json));
        if (status >= 400) {
            throw new IllegalStateException("setting up the HTTP benchmark failed: " + status + " for " + url);
        }
    }

    private void print(Database database, String name) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("### ")
                .append(database.kind().equals("h2") ? "Standalone (H2 file)" : "PostgreSQL")
                .append("\n\n");
        out.append(Stats.machine()).append("\n\n");
        out.append(
                name.equals("overload")
                        ? "| benchmark | tracker | baseline, same run | ratio, rule |\n| --- | --- | --- | --- |\n"
                        : "| benchmark | tracker | raw-database baseline | ratio |\n| --- | --- | --- | --- |\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        System.out.println();
        System.out.println(out);
        Path file = Path.of("benchmarks/target/" + name + "-" + database.kind() + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        log("written to " + file.toAbsolutePath());
    }

    private static String[] row(String... cells) {
        return cells;
    }

    static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
