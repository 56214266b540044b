package org.cetdialogue.tracker.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.cetdialogue.tracker.query.audit.replay.ReplayPeers;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two trackers on one PostgreSQL database, as the soak runs them. A write that loses the race for its commitment's
 * next version to the other instance is made to happen, not hoped for: the test holds the advisory lock that every
 * append takes ({@code AppendOrderInterceptor}), lets a write on each instance load the same version and queue for
 * it, and then lets go: the first in the queue wins, the second meets the unique (aggregate, sequence) index. Instance
 * b retries no lost race ({@code tracker.command.retries=0}), so its loss is the "retries ran out" case at once;
 * instance a keeps the default. Replays are started on the instance that does not hold the processor's segments.
 * PostgreSQL only.
 */
class SharedDatabaseRacesHttpTest {

    private static final String SEEDED = "bio-lbnl-kribb-biofoundry-mou";
    private static final String MILESTONES = "/api/commitments/" + SEEDED + "/milestones";
    /** {@code AppendOrderInterceptor.ADVISORY_LOCK_KEY}: "CETAPPND". */
    private static final long APPEND_TURN = 0x43455441_50504E44L;

    @TempDir
    static Path dataDirectory;

    private static RunningTracker a;
    private static RunningTracker b;

    @BeforeAll
    static void startTwoInstances() {
        assumeTrue(TestDatabase.isPostgres(), "instances share a database only on PostgreSQL");
        a = RunningTracker.start(dataDirectory);
        b = RunningTracker.start(dataDirectory, "tracker.command.retries=0");
    }

    @AfterAll
    static void stop() {
        for (RunningTracker tracker : new RunningTracker[] {b, a}) {
            if (tracker != null) {
                tracker.close();
            }
        }
    }

    @Test
    void anUnconditionalWriteWhoseRetriesRanOutIsA503ThatTheIdempotencyKeyDoesNotKeep() throws Exception {
        String key = "race-b-" + System.nanoTime();
        Race race = raceUntil(
                () -> a.client().post(US_SECRETARIAT, MILESTONES, milestone("race won on a")),
                () -> b.client().post(US_SECRETARIAT, MILESTONES, milestone("race lost on b"), "Idempotency-Key", key),
                race1 -> race1.second().status() != 200);

        assertThat(race.first().status()).as(race.first().toString()).isEqualTo(200);
        Response lost = race.second();
        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.contentType()).startsWith("application/problem+json");
        assertThat(lost.header("Retry-After")).isEqualTo("1");
        assertThat(lost.json().get("type").asText()).isEqualTo("urn:cet-tracker:problem:writes-overloaded");
        assertThat(lost.json().get("detail").asText()).contains("Nothing was recorded");
        assertThat(storedVersion()).isEqualTo(race.before() + 1);

        Response retried =
                b.client().post(US_SECRETARIAT, MILESTONES, milestone("race lost on b"), "Idempotency-Key", key);
        assertThat(retried.status()).as("the 503 was not kept: the retry ran").isEqualTo(200);
        assertThat(retried.json().get("version").asLong()).isEqualTo(race.before() + 2);
        assertThat(storedVersion()).isEqualTo(race.before() + 2);
    }

    @Test
    void anUnconditionalWriteThatLostARaceIsRetriedAgainstTheNewVersion() throws Exception {
        Race race = raceUntil(
                () -> b.client().post(US_SECRETARIAT, MILESTONES, milestone("first on b")),
                () -> a.client().post(US_SECRETARIAT, MILESTONES, milestone("retried on a")),
                race1 -> race1.first().status() == 200);

        assertThat(race.first().status()).as(race.first().toString()).isEqualTo(200);
        assertThat(race.second().status()).as(race.second().toString()).isEqualTo(200);
        assertThat(race.first().json().get("version").asLong()).isEqualTo(race.before() + 1);
        assertThat(race.second().json().get("version").asLong()).isEqualTo(race.before() + 2);
    }

    @Test
    void aConditionalWriteThatLostARaceIsStillA412() throws Exception {
        Race race = raceUntil(
                () -> a.client().post(US_SECRETARIAT, MILESTONES, milestone("unconditional on a")),
                () -> b.client()
                        .post(
                                US_SECRETARIAT,
                                MILESTONES,
                                milestone("conditional on b"),
                                "If-Match",
                                "\"" + storedVersion() + "\""),
                race1 -> race1.second().status() != 200);

        assertThat(race.first().status()).as(race.first().toString()).isEqualTo(200);
        Response lost = race.second();
        assertThat(lost.status()).as(lost.toString()).isEqualTo(412);
        assertThat(lost.json().get("rule").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(storedVersion()).isEqualTo(race.before() + 1);
    }

    @Test
    void aReplayStartsOnEitherInstanceWhateverHoldsTheSegments() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> a.bean(ReplayPeers.class).isListening()
                        && b.bean(ReplayPeers.class).isListening());
        // a started first and claimed the segments; b holds none of them
        for (RunningTracker tracker : List.of(b, a, b)) {
            Response started = tracker.client().post(AUDITOR, "/api/audit/replays", "{\"projection\":\"history\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String id = started.json().get("id").asText();
            JsonNode done = await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> tracker.client()
                                    .get(AUDITOR, "/api/audit/replays/" + id)
                                    .json(),
                            p -> p.get("state").asText().equals("DONE"));
            assertThat(done.get("position").asLong())
                    .isEqualTo(done.get("total").asLong());
        }
        // both instances run the processor again afterwards
        await().atMost(Duration.ofSeconds(90))
                .until(() -> processorRunning(a, "history") && processorRunning(b, "history"));
    }

    private static boolean processorRunning(RunningTracker tracker, String name) {
        return tracker.bean(org.axonframework.config.EventProcessingConfiguration.class)
                .eventProcessor(name, org.axonframework.eventhandling.StreamingEventProcessor.class)
                .orElseThrow()
                .isRunning();
    }

    /** Two writes that loaded the commitment at version {@code before} and then appended, and their answers. */
    private record Race(long before, Response first, Response second) {}

    /**
     * Races {@code first} against {@code second} until {@code wanted} (a few times at most): PostgreSQL hands the
     * turn to the writes in the order they queued for it, usually but not by contract, so the test looks at what
     * happened rather than assuming which write lost. Every answer on the way is a 200, a 412 or the 503 of an
     * exhausted retry, never a 500.
     */
    private static Race raceUntil(Supplier<Response> first, Supplier<Response> second, Predicate<Race> wanted)
            throws Exception {
        Race race = null;
        for (int attempt = 0; attempt < 5 && (race == null || !wanted.test(race)); attempt++) {
            long before = storedVersion();
            List<Response> answers = race(first, second);
            race = new Race(before, answers.get(0), answers.get(1));
            for (Response answer : answers) {
                assertThat(answer.status()).as(answer.toString()).isIn(200, 412, 503);
            }
        }
        return race;
    }

    /**
     * Sends {@code first}, then {@code second}, each once it queues for the turn to append (both have loaded the
     * commitment at the same version by then), and lets both go.
     */
    private static List<Response> race(Supplier<Response> first, Supplier<Response> second) throws Exception {
        try (Connection lock = TestDatabase.connect(dataDirectory);
                Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + APPEND_TURN + ")");
            CompletableFuture<Response> one = CompletableFuture.supplyAsync(first);
            awaitQueuedForTheTurn(1);
            CompletableFuture<Response> two = CompletableFuture.supplyAsync(second);
            awaitQueuedForTheTurn(2);
            statement.execute("SELECT pg_advisory_unlock(" + APPEND_TURN + ")");
            return List.of(one.get(), two.get());
        }
    }

    private static void awaitQueuedForTheTurn(int waiting) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> a.jdbc()
                                .queryForObject(
                                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                                                + " AND database = (SELECT oid FROM pg_database"
                                                + " WHERE datname = current_database())",
                                        Integer.class),
                        n -> n == waiting);
    }

    private static long storedVersion() {
        return a.jdbc()
                .queryForObject(
                        "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        SEEDED);
    }

    private static String milestone(String description) {
        return "{\"description\":\"" + description + "\",\"achievedOn\":\"2024-06-20\"}";
    }
}
