package org.cetdialogue.tracker.benchmark.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cetdialogue.tracker.benchmark.Stats;

/**
 * The soak with faults (issue 12): two packaged trackers on one private PostgreSQL, mixed load for a duration, faults
 * injected meanwhile, then every acknowledged write looked up in the audit export and the hash chain verified, online
 * and offline. Writes a Markdown report and exits 0 only if no acknowledged write was lost or duplicated, the chain
 * is intact, and every fault was recovered from without a manual step.
 *
 * <pre>
 * tools/soak.sh --duration=60m --report=docs/RELIABILITY.md
 * </pre>
 */
public final class SoakMain {

    private final Map<String, String> options;
    private final List<String> failures = new ArrayList<>();

    private SoakMain(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> trackerArgs = new ArrayList<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv[0].equals("tracker-arg")) {
                trackerArgs.add(kv[1]); // repeatable: passed to both instances
            } else {
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
            }
        }
        options.put("tracker-args", String.join("\u0000", trackerArgs));
        int status;
        try {
            status = new SoakMain(options).run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
        }
        if (t.endsWith("h")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3600));
        }
        return Duration.ofSeconds(Long.parseLong(t.replace("s", "")));
    }

    private int run(String[] args) throws Exception {
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path jar = repo.resolve(options.getOrDefault("tracker-jar", "api-gateway/target/cet-commitment-tracker.jar"));
        Path work = repo.resolve(options.getOrDefault("work", "target/soak")).toAbsolutePath();
        Path report = repo.resolve(options.getOrDefault("report", "target/soak/RELIABILITY.md"));
        Duration duration = duration(options.getOrDefault("duration", "60m"));
        double writeRate = Double.parseDouble(options.getOrDefault("write-rate", "20"));
        double readRate = Double.parseDouble(options.getOrDefault("read-rate", "20"));
        int writers = Integer.parseInt(options.getOrDefault("writers", "8"));
        int streams = Integer.parseInt(options.getOrDefault("streams", "4"));
        Duration exportEvery = duration(options.getOrDefault("export-every", "5m"));
        Duration replayEvery = duration(options.getOrDefault("replay-every", "12m"));
        Duration hold = duration(options.getOrDefault("hold", "60s"));
        Duration recoveryBound = duration(options.getOrDefault("recovery-bound", "600s"));
        Duration retryWindow = duration(options.getOrDefault("retry-window", "240s"));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.currentTimeMillis())));
        int maxConnections = Integer.parseInt(options.getOrDefault("max-connections", "80"));
        Path pgBin = Path.of(options.getOrDefault("postgres-bin", "/usr/lib/postgresql/15/bin"));
        String run = "r" + Long.toString(seed % 1_000_000_000L, 36);
        String command = "tools/soak.sh "
                + String.join(
                        " ",
                        java.util.Arrays.stream(args)
                                .filter(a -> !a.startsWith("--tracker-jar="))
                                .toList());
        String loadStart = Stats.loadAverage();
        Instant startedAt = Instant.now();

        log("run " + run + ", seed " + seed + ", duration " + duration + ", work directory " + work);
        SoakHttp http = new SoakHttp(Duration.ofSeconds(30));
        SoakMetrics metrics = new SoakMetrics();
        List<TrackerInstance> instances = new ArrayList<>();
        try (PrivatePostgres postgres = PrivatePostgres.create(pgBin, work.resolve("postgres"), maxConnections)) {
            log("private PostgreSQL on port " + postgres.port() + " (max_connections " + maxConnections + ")");
            // stopped with SIGTERM (a CI timeout, Ctrl-C): leave no tracker and no PostgreSQL behind
            Thread cleanup = new Thread(() -> {
                for (TrackerInstance instance : instances) {
                    try {
                        instance.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try {
                    postgres.close();
                } catch (Exception e) {
                    System.err.println("[soak] stopping PostgreSQL: " + e);
                }
            });
            Runtime.getRuntime().addShutdownHook(cleanup);
            Map<String, String> environment = trackerEnvironment(postgres);
            List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
            for (String a : options.get("tracker-args").split("\u0000")) {
                if (!a.isBlank()) {
                    arguments.add(a);
                }
            }
            int instanceCount = Integer.parseInt(options.getOrDefault("instances", "2"));
            for (String name : List.of("a", "b").subList(0, instanceCount)) {
                instances.add(new TrackerInstance(name, jar, work.resolve("instance-" + name), arguments, environment));
            }
            try {
                for (TrackerInstance instance : instances) {
                    instance.start();
                }
                // as a supervisor would, an instance whose start fails is started again (at most twice), and the exit
                // is reported
                List<String> startExits = new ArrayList<>();
                for (TrackerInstance instance : instances) {
                    int starts = 1;
                    while (!instance.awaitReady(http.client(), Duration.ofMinutes(10))) {
                        Integer status = instance.restartIfExited();
                        if (status == null || ++starts > 3) {
                            throw new IllegalStateException(
                                    "instance " + instance.name() + " did not start; see " + instance.log());
                        }
                        startExits.add(instance.name() + " exited with status " + status
                                + " during its first start; restarted");
                        log(startExits.get(startExits.size() - 1));
                    }
                }
                log("instances ready: "
                        + instances.stream().map(TrackerInstance::baseUrl).toList());
                List<String> commitments = createCommitments(http, instances.get(0), run, 8);

                SoakLoad load = new SoakLoad(run, instances, commitments, http, metrics, retryWindow);
                Faults faults = new Faults(postgres, instances, load, http, metrics, recoveryBound, hold);
                faults.exits.addAll(startExits);
                double seconds = duration.toSeconds();
                // --faults=none: the same load without faults, to tell what the faults cause from what the load does
                List<Faults.Planned> plan = "none".equals(options.get("faults"))
                        ? List.of()
                        : Faults.plan(seconds, new Random(seed), Math.min(180, seconds / 12), instances.size());
                log("fault plan: " + plan);

                long start = System.nanoTime();
                java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
                faults.startSupervisor(start, finished);
                load.startStreams(streams);
                load.startWriters(writers, writeRate);
                load.startReaders(Math.max(1, (int) Math.ceil(readRate / 10)), readRate);
                load.startExporter(exportEvery);
                load.startReplayer(replayEvery);
                load.startProgress(Duration.ofSeconds(60), start);
                for (Faults.Planned fault : plan) {
                    faults.inject(fault, start);
                }
                long end = start + duration.toNanos();
                while (System.nanoTime() < end) {
                    SoakLoad.pause(Math.min(1_000, (end - System.nanoTime()) / 1_000_000 + 1));
                }
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                log(String.format("load ran %.0f s; stopping it and settling the writes in retry", loadSeconds));
                load.stop();
                double settledSeconds = (System.nanoTime() - start) / 1e9;

                for (TrackerInstance instance : instances) {
                    if (!instance.alive()) {
                        failures.add("instance " + instance.name() + " was not running at the end");
                    }
                }
                for (Faults.Outcome outcome : faults.outcomes) {
                    if (!outcome.recovered()) {
                        failures.add("no recovery within " + recoveryBound.toSeconds() + " s after: " + outcome.what());
                    }
                }
                Check check = check(postgres, instances, load, http, work, repo, commitments);
                load.stopStreams();
                finished.set(true);
                String markdown = report(
                        command,
                        run,
                        seed,
                        startedAt,
                        duration,
                        loadSeconds,
                        settledSeconds,
                        writeRate,
                        readRate,
                        writers,
                        streams,
                        maxConnections,
                        loadStart,
                        metrics,
                        load,
                        faults,
                        plan,
                        check);
                Files.createDirectories(report.getParent());
                Files.writeString(report, markdown);
                System.out.println(markdown);
                log("report written to " + report);
            } finally {
                for (TrackerInstance instance : instances) {
                    instance.close();
                }
            }
        }
        if (failures.isEmpty()) {
            log("PASSED");
            return 0;
        }
        failures.forEach(f -> log("FAILED: " + f));
        return 1;
    }

    private static Map<String, String> trackerEnvironment(PrivatePostgres postgres) throws Exception {
        KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
        String signingKey = Base64.getEncoder()
                .encodeToString(ed25519.generateKeyPair().getPrivate().getEncoded());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TRACKER_DB_URL", postgres.jdbcUrl());
        environment.put("TRACKER_DB_USER", PrivatePostgres.TRACKER_ROLE);
        environment.put("TRACKER_DB_PASSWORD", "");
        // a production profile: the soak signs in as the README's demo users on purpose
        environment.put("TRACKER_DEMO_USERS", "true");
        // both instances sign checkpoints with one key, as a deployment would configure them
        environment.put("TRACKER_AUDIT_SIGNING_KEY", signingKey);
        // the per-user request limit (1,200 a minute) is raised so that the soak measures the tracker, not the limiter
        environment.put("TRACKER_RATE_LIMIT_REQUESTS", "1000000");
        return environment;
    }

    private static List<String> createCommitments(SoakHttp http, TrackerInstance instance, String run, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "soak-" + run + "-c" + i;
            SoakHttp.Response created = http.post(
                    SoakHttp.WRITER_US, instance.baseUrl() + "/api/commitments", """
                    {"commitmentId":"%s","area":"QUANTUM","kind":"PROGRAM","titleEn":"Soak program %d",
                     "titleKo":"내구 시험 사업 %d","parties":[{"nameEn":"Lab","nameKo":"연구소","country":"US","role":"LEAD"}],
                     "announcedOn":"2024-01-15"}""".formatted(id, i, i), Map.of());
            SoakHttp.Response launched = http.post(
                    SoakHttp.WRITER_US,
                    instance.baseUrl() + "/api/commitments/" + id + "/launch",
                    "{\"launchedOn\":\"2024-01-15\"}",
                    Map.of());
            if (created.status() != 201 || launched.status() != 200) {
                throw new IllegalStateException("setting up " + id + " failed: " + created.status() + " "
                        + created.body() + " / " + launched.status() + " " + launched.body());
            }
            ids.add(id);
        }
        return ids;
    }

    // ---- the check at the end ------------------------------------------------------------------------------------

    record Check(
            long storedEvents,
            long exportedEvents,
            long exportCheckpoints,
            double exportSeconds,
            long found,
            long lost,
            long duplicated,
            long versionMismatches,
            long notExported,
            long unacknowledgedStored,
            long unacknowledgedNotStored,
            long descriptionsStoredTwice,
            String onlineA,
            String onlineB,
            String offline,
            boolean chainIntact,
            String projections,
            List<String> streamCoverage,
            List<String> lostExamples) {}

    private Check check(
            PrivatePostgres postgres,
            List<TrackerInstance> instances,
            SoakLoad load,
            SoakHttp http,
            Path work,
            Path repo,
            List<String> commitments)
            throws Exception {
        // 1. the chain covers the whole store (the export lists chained events only)
        long head = 0;
        long chained = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try (Connection c = postgres.connectAsSuperuser();
                Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                head = single(s, "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
                chained = single(s, "SELECT COALESCE(MAX(global_index), 0) FROM event_chain");
                if (chained == head) {
                    break;
                }
                SoakLoad.pause(1_000);
            }
        }
        if (chained != head) {
            failures.add("the hash chain did not reach the head of the store within 10 minutes (" + chained + " of "
                    + head + ")");
        }
        long storedEvents;
        try (Connection c = postgres.connectAsSuperuser();
                Statement s = c.createStatement()) {
            storedEvents = single(s, "SELECT COUNT(*) FROM domain_event_entry");
        }
        log("chain at global index " + chained + " of " + head + "; " + storedEvents + " events stored");

        // 2. the export, the public key and the offline verifier
        TrackerInstance a = instances.get(0);
        Path export = work.resolve("export.ndjson");
        Path publicKey = work.resolve("tracker-public-key.pem");
        long exportStart = System.nanoTime();
        HttpResponse<Path> exported = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(a.baseUrl() + "/api/audit/export"))
                                .header("Authorization", SoakHttp.basic(SoakHttp.AUDITOR))
                                .timeout(Duration.ofMinutes(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(export));
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        if (exported.statusCode() != 200) {
            failures.add("the final export answered " + exported.statusCode());
        }
        SoakHttp.Response key = http.get(SoakHttp.AUDITOR, a.baseUrl() + "/api/audit/public-key");
        Files.writeString(publicKey, key.body());
        Process verifier = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        repo.resolve("tools/verify-export/VerifyExport.java").toString(),
                        export.toString(),
                        publicKey.toString())
                .redirectErrorStream(true)
                .start();
        String offline = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean offlineOk = verifier.waitFor() == 0;
        if (!offlineOk) {
            failures.add("the offline verifier failed: " + offline);
        }

        // 3. the online verification on both instances
        String[] online = {"–", "–"};
        boolean onlineOk = true;
        for (int i = 0; i < instances.size(); i++) {
            SoakHttp.Response v = new SoakHttp(Duration.ofMinutes(10))
                    .get(SoakHttp.AUDITOR, instances.get(i).baseUrl() + "/api/audit/verification");
            JsonNode body = SoakLoad.parse(v.body());
            online[i] = v.status() + " intact=" + body.path("intact").asText() + ", checkedEvents="
                    + body.path("checkedEvents").asText() + ", checkpoints="
                    + body.path("checkpoints").asText()
                    + ", firstBreak=" + body.path("firstBreak");
            boolean intact = v.ok() && body.path("intact").asBoolean(false);
            onlineOk &= intact;
            if (!intact) {
                failures.add("online verification on " + instances.get(i).name() + ": " + online[i]);
            }
        }

        // 4. every write the soak sent, looked up by its unique description: in the event store itself (SQL, behind
        // the API) and in the auditors' export (the chained history)
        Map<String, Integer> stored = new HashMap<>();
        Map<String, Long> storedSequence = new HashMap<>();
        try (Connection c = postgres.connectAsSuperuser();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT convert_from(payload, 'UTF8')::json->>'description', sequence_number"
                                + " FROM domain_event_entry WHERE payload_type LIKE '%MilestoneRecordedEvent'")) {
            while (rs.next()) {
                String description = rs.getString(1);
                if (description != null && description.startsWith("soak ")) {
                    String writeKey = description.split(" ")[1];
                    stored.merge(writeKey, 1, Integer::sum);
                    storedSequence.put(writeKey, rs.getLong(2));
                }
            }
        }
        Map<String, Integer> inExport = new HashMap<>();
        long events = 0;
        long checkpoints = 0;
        try (BufferedReader lines = Files.newBufferedReader(export)) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = SoakLoad.parse(line);
                String type = event.path("type").asText();
                if (type.endsWith("ChainCheckpoint")) {
                    checkpoints++;
                    continue;
                }
                events++;
                if (type.endsWith("MilestoneRecordedEvent")) {
                    String description = event.path("data").path("description").asText();
                    if (description.startsWith("soak ")) {
                        inExport.merge(description.split(" ")[1], 1, Integer::sum);
                    }
                }
            }
        }
        if (events != storedEvents) {
            failures.add("the export (the chained history) holds " + events + " events, the store " + storedEvents);
        }
        long found = 0;
        long lost = 0;
        long duplicated = 0;
        long mismatches = 0;
        long notExported = 0;
        List<String> lostExamples = new ArrayList<>();
        List<String> notExportedExamples = new ArrayList<>();
        for (SoakLoad.Ack ack : load.acknowledged.values()) {
            String writeKey = ack.write().key();
            String label = writeKey + " (" + ack.write().commitmentId() + " v" + ack.version() + ")";
            int n = stored.getOrDefault(writeKey, 0);
            if (n == 0) {
                lost++;
                if (lostExamples.size() < 10) {
                    lostExamples.add(label);
                }
                continue;
            }
            found++;
            if (n > 1) {
                duplicated++;
            }
            if (storedSequence.get(writeKey) != ack.version()) {
                mismatches++;
            }
            if (!inExport.containsKey(writeKey)) {
                notExported++;
                if (notExportedExamples.size() < 10) {
                    notExportedExamples.add(label);
                }
            }
        }
        long storedTwice = stored.values().stream().filter(n -> n > 1).count();
        long unackStored = 0;
        long unackNotStored = 0;
        for (String sentKey : load.sent.keySet()) {
            if (!load.acknowledged.containsKey(sentKey)) {
                if (stored.containsKey(sentKey)) {
                    unackStored++;
                } else {
                    unackNotStored++;
                }
            }
        }
        if (lost > 0) {
            failures.add(lost + " acknowledged write(s) lost (not in the event store), e.g. " + lostExamples);
        }
        if (duplicated > 0 || storedTwice > 0) {
            List<String> twice = stored.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .limit(10)
                    .toList();
            failures.add(storedTwice + " write(s) stored more than once: " + twice);
        }
        if (notExported > 0) {
            failures.add(notExported + " acknowledged write(s) in the event store but missing from the hash chain and"
                    + " the export, e.g. " + notExportedExamples);
        }
        if (mismatches > 0) {
            failures.add(mismatches + " acknowledged write(s) stored at another version than the answer said");
        }
        if (load.acknowledged.isEmpty()) {
            failures.add("no write was acknowledged at all");
        }

        // 5. the projections of both instances converge on the store, and the streams saw the writes
        String projections = awaitProjections(postgres, instances, http, commitments);
        List<String> coverage = awaitStreams(load);

        return new Check(
                storedEvents,
                events,
                checkpoints,
                exportSeconds,
                found,
                lost,
                duplicated,
                mismatches,
                notExported,
                unackStored,
                unackNotStored,
                storedTwice,
                online[0],
                online[1],
                offline,
                onlineOk && offlineOk,
                projections,
                coverage,
                lostExamples);
    }

    private String awaitProjections(
            PrivatePostgres postgres, List<TrackerInstance> instances, SoakHttp http, List<String> commitments)
            throws Exception {
        Map<String, Long> expected = new HashMap<>();
        try (Connection c = postgres.connectAsSuperuser();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT aggregate_identifier, MAX(sequence_number) FROM domain_event_entry"
                                + " WHERE aggregate_identifier LIKE 'soak-%' GROUP BY aggregate_identifier")) {
            while (rs.next()) {
                expected.put(rs.getString(1), rs.getLong(2));
            }
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        List<String> behind = new ArrayList<>();
        do {
            behind.clear();
            for (TrackerInstance instance : instances) {
                for (String id : commitments) {
                    SoakHttp.Response view = http.get(SoakHttp.VIEWER, instance.baseUrl() + "/api/commitments/" + id);
                    long version = SoakLoad.parse(view.body()).path("version").asLong(-1);
                    if (version != expected.getOrDefault(id, -2L)) {
                        behind.add(instance.name() + ":" + id + " at " + version + " of " + expected.get(id));
                    }
                }
            }
            if (!behind.isEmpty()) {
                SoakLoad.pause(1_000);
            }
        } while (!behind.isEmpty() && System.nanoTime() < deadline);
        if (!behind.isEmpty()) {
            failures.add("projections did not converge on the store within 5 minutes: " + behind);
            return "NOT converged within 5 minutes: " + behind;
        }
        return String.format(
                "both instances' commitment views at the store's last version of each of the %d soak commitments"
                        + " (%.1f s after the load stopped settling)",
                commitments.size(), (System.nanoTime() - start) / 1e9);
    }

    private static List<String> awaitStreams(SoakLoad load) {
        List<String> expected = new ArrayList<>();
        for (SoakLoad.Ack ack : load.acknowledged.values()) {
            expected.add(ack.write().commitmentId() + "#" + ack.version());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && load.streamed.stream().anyMatch(seen -> !seen.containsAll(expected))) {
            SoakLoad.pause(1_000);
        }
        List<String> coverage = new ArrayList<>();
        for (int i = 0; i < load.streamed.size(); i++) {
            var seen = load.streamed.get(i);
            long n = expected.stream().filter(seen::contains).count();
            coverage.add(String.format("stream %d: %,d of %,d acknowledged writes", i + 1, n, expected.size()));
        }
        return coverage;
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    private String report(
            String command,
            String run,
            long seed,
            Instant startedAt,
            Duration duration,
            double loadSeconds,
            double settledSeconds,
            double writeRate,
            double readRate,
            int writers,
            int streams,
            int maxConnections,
            String loadStart,
            SoakMetrics metrics,
            SoakLoad load,
            Faults faults,
            List<Faults.Planned> plan,
            Check check)
            throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Reliability: the soak with faults\n\n");
        md.append("Generated by the soak itself (`SoakMain`, issue 12); not edited by hand.\n\n");
        md.append("**Result: ")
                .append(failures.isEmpty() ? "PASSED" : "FAILED")
                .append("** — acknowledged writes lost: ")
                .append(check.lost())
                .append(", duplicated: ")
                .append(check.duplicated())
                .append(", missing from the chain: ")
                .append(check.notExported())
                .append(", hash chain ")
                .append(check.chainIntact() ? "intact" : "NOT intact")
                .append(", faults recovered from: ")
                .append(faults.outcomes.stream()
                        .filter(Faults.Outcome::recovered)
                        .count())
                .append(" of ")
                .append(faults.outcomes.size())
                .append(".\n\n");
        for (String f : failures) {
            md.append("- FAILED: ").append(f).append('\n');
        }
        if (!failures.isEmpty()) {
            md.append('\n');
        }
        md.append("## The run\n\n");
        md.append("- Command: `")
                .append(command)
                .append("` (run ")
                .append(run)
                .append(", seed ")
                .append(seed)
                .append(")\n");
        md.append("- Started ")
                .append(startedAt)
                .append("; load for ")
                .append(String.format("%.0f s", loadSeconds))
                .append(" (planned ")
                .append(duration.toSeconds())
                .append(" s), writes settled at ")
                .append(String.format("%.0f s", settledSeconds))
                .append(".\n");
        md.append("- ")
                .append(Stats.machine())
                .append(" Load average at the start: ")
                .append(loadStart)
                .append(", at the end: ")
                .append(Stats.loadAverage())
                .append(". The machine was shared with other builds and test runs during the soak.\n");
        md.append(
                        "- Two instances of the packaged tracker (`java -Xmx256m -jar api-gateway/target/cet-commitment-tracker.jar"
                                + " --spring.profiles.active=postgres`) on one private PostgreSQL 15 cluster (initdb into"
                                + " `target/soak/postgres`, `fsync` on, `max_connections` ")
                .append(maxConnections)
                .append("), one Ed25519 signing key for both, the per-user rate limit raised to 1,000,000 a minute.\n");
        md.append("- Load: ")
                .append(writers)
                .append(" writers paced at ")
                .append(fmt(writeRate))
                .append(" milestone writes/s in all (each with a unique description, an `Idempotency-Key` and an"
                        + " `X-Correlation-Id`, retried with the same key on 5xx, 429, 409 in progress or no answer"
                        + " for up to the retry window), reads at ")
                .append(fmt(readRate))
                .append("/s (areas, funding, a commitment, its history), ")
                .append(streams)
                .append(" SSE activity streams resuming with `Last-Event-ID` (switching instance on every"
                        + " reconnection), an audit export every ")
                .append(options.getOrDefault("export-every", "5m"))
                .append(" and a replay every ")
                .append(options.getOrDefault("replay-every", "12m"))
                .append(", alternating between the instances.\n\n");

        md.append("## Load offered and held\n\n");
        long offered = metrics.counter("writes offered");
        long acked = load.acknowledged.size();
        long reads = 0;
        long readsOk = 0;
        for (String kind : metrics.kinds()) {
            if (kind.startsWith("read ")) {
                reads += metrics.requests(kind);
                readsOk += metrics.statuses(kind).entrySet().stream()
                        .filter(e -> e.getKey() < 300)
                        .mapToLong(Map.Entry::getValue)
                        .sum();
            }
        }
        md.append("| | target | offered | held (2xx) |\n| --- | --- | --- | --- |\n");
        md.append(String.format(
                "| writes | %s/s | %,d new writes (%s/s) | %,d acknowledged (%s/s) |\n",
                fmt(writeRate), offered, fmt(offered / loadSeconds), acked, fmt(acked / loadSeconds)));
        md.append(String.format(
                "| reads | %s/s | %,d (%s/s) | %,d (%s/s) |\n\n",
                fmt(readRate), reads, fmt(reads / loadSeconds), readsOk, fmt(readsOk / loadSeconds)));

        md.append("## Latency and answers by status\n\n");
        md.append("Every request, retries and failures included (598: no answer within 30 s, 599: connection refused"
                + " or reset, as while an instance is down).\n\n");
        md.append("| request | count | p50 | p99 | max | answers by status |\n| --- | --- | --- | --- | --- | --- |\n");
        for (String kind : metrics.kinds()) {
            long[] nanos = metrics.latencies(kind);
            md.append(String.format(
                    "| %s | %,d | %s | %s | %s | %s |\n",
                    kind,
                    metrics.requests(kind),
                    ms(Stats.percentileMillis(nanos, 50)),
                    ms(Stats.percentileMillis(nanos, 99)),
                    ms(Stats.percentileMillis(nanos, 100)),
                    statuses(metrics.statuses(kind))));
        }
        md.append('\n');

        md.append("## Acknowledged writes\n\n");
        md.append("Each write the soak sent was looked up by its unique description in the event store itself"
                + " (`domain_event_entry`, by SQL) and in the final audit export (`GET /api/audit/export` from"
                + " instance a: the chained history, CloudEvents).\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append(String.format("| writes sent (load and recovery probes) | %,d |\n", load.sent.size()));
        md.append(String.format("| acknowledged (2xx) | %,d |\n", acked));
        md.append(String.format(
                "| of which after a retry / by an idempotent replay | %,d / %,d |\n",
                metrics.counter("writes acknowledged after a retry"),
                metrics.counter("writes acknowledged by an idempotent replay")));
        md.append(String.format("| acknowledged writes found in the event store | %,d |\n", check.found()));
        md.append(String.format("| **lost** (acknowledged, not stored) | **%,d** |\n", check.lost()));
        md.append(String.format("| **duplicated** (stored more than once) | **%,d** |\n", check.duplicated()));
        md.append(String.format(
                "| **in the store but missing from the hash chain and the export** | **%,d** |\n",
                check.notExported()));
        md.append(
                String.format("| stored at another version than the answer said | %,d |\n", check.versionMismatches()));
        md.append(String.format(
                "| never acknowledged (retry window ended, or refused): stored once / not stored | %,d / %,d |\n",
                check.unacknowledgedStored(), check.unacknowledgedNotStored()));
        md.append(String.format("| any soak write stored twice | %,d |\n", check.descriptionsStoredTwice()));
        md.append(String.format(
                "| events in the store / in the export (+ %,d signed checkpoints) | %,d / %,d |\n\n",
                check.exportCheckpoints(), check.storedEvents(), check.exportedEvents()));
        if (!load.rejected.isEmpty()) {
            md.append("Writes refused for good (a 4xx other than 409 in progress / 429): ")
                    .append(load.rejected.size())
                    .append(", e.g. `")
                    .append(SoakLoad.abbreviate(
                            load.rejected.values().iterator().next()))
                    .append("`\n\n");
        }

        md.append("## Hash chain at the end\n\n");
        md.append("- Online, `GET /api/audit/verification` on a: ")
                .append(check.onlineA())
                .append('\n');
        md.append("- Online, on b: ").append(check.onlineB()).append('\n');
        md.append("- Offline, `java tools/verify-export/VerifyExport.java export.ndjson tracker-public-key.pem`"
                        + " (export of ")
                .append(String.format("%.1f s", check.exportSeconds()))
                .append("): `")
                .append(check.offline().replace('\n', ' '))
                .append("`\n");
        md.append("- Projections: ").append(check.projections()).append('\n');
        md.append("- Activity streams (seen across their reconnections): ")
                .append(String.join("; ", check.streamCoverage()))
                .append(String.format(
                        ". Reconnections: %d broken, %d ended by the server.\n\n",
                        metrics.counter("streams broken"), metrics.counter("streams ended by the server")));

        md.append("## Faults and recovery\n\n");
        md.append("Recovery time: from the fault (the kill, the stop of PostgreSQL, the release of the held"
                + " connections) until both instances were ready and each had acknowledged a write. Failed"
                + " requests: answers 5xx or 429, or no answer, from the fault to the recovery, over all clients.\n\n");
        md.append("| at | fault | recovery | failed requests | detail |\n| --- | --- | --- | --- | --- |\n");
        for (Faults.Outcome o : faults.outcomes) {
            md.append(String.format(
                    "| %.0f s | %s | %s | %,d | %s |\n",
                    o.atSeconds(),
                    o.what(),
                    o.recovered() ? String.format("%.1f s", o.recoverySeconds()) : "**not recovered**",
                    o.failedRequests(),
                    o.detail()));
        }
        md.append("\nExits of an instance the soak did not cause (each restarted at once, as a supervisor would): ")
                .append(faults.exits.isEmpty() ? "none" : String.join("; ", faults.exits))
                .append(".\n");
        md.append("\nThe plan (seconds into the load): ")
                .append(plan.stream()
                        .map(p -> String.format(
                                "%s%s at %.0f",
                                p.kind(), p.instance() >= 0 ? (p.instance() == 0 ? " a" : " b") : "", p.atSeconds()))
                        .toList())
                .append(". A fault waits for the recovery from the one before.\n\n");
        md.append("## Replays and exports during the load\n\n");
        md.append("- Replays: ")
                .append(load.replayResults.isEmpty() ? "none" : String.join("; ", load.replayResults))
                .append('\n');
        md.append("- Exports: ")
                .append(load.exportResults.isEmpty() ? "none" : String.join("; ", load.exportResults))
                .append("\n");
        return md.toString();
    }

    private static String statuses(Map<Integer, Long> statuses) {
        List<String> parts = new ArrayList<>();
        statuses.forEach((status, n) -> parts.add(String.format("%d: %,d", status, n)));
        return String.join(", ", parts);
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format("%,.1f ms", millis);
    }

    private static String fmt(double d) {
        return String.format("%,.1f", d);
    }

    private static void log(String message) {
        System.out.println("[soak] " + Instant.now() + " " + message);
    }
}
