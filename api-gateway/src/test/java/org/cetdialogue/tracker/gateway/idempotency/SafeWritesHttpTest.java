package org.cetdialogue.tracker.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.ROK_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency-Key and If-Match over HTTP: retries store nothing new, and of two racing writers only one wins. */
class SafeWritesHttpTest {

    private static final String MILESTONE = "{\"description\":\"Joint workshop\",\"achievedOn\":\"2024-06-20\"}";

    @TempDir
    static Path dataDirectory;

    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start(dataDirectory, "tracker.seed.enabled=false");
        client = tracker.client();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheOriginalAnswerAndStoresNothing() {
        Response first =
                client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou("ai-idem-mou"), "Idempotency-Key", "k-1");
        long stored = tracker.storedEvents();

        Response retry =
                client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou("ai-idem-mou"), "Idempotency-Key", "k-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo("/api/commitments/ai-idem-mou");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("X-Event-Position")).isNotNull().isEqualTo(first.header("X-Event-Position"));
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    @Test
    void aRefusalIsReplayedToo() {
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou("ai-idem-refusal-mou"));
        String path = "/api/commitments/ai-idem-refusal-mou/signature";
        client.post(US_SECRETARIAT, path, "{\"signedOn\":\"2024-03-01\"}");
        long stored = tracker.storedEvents();

        Response first =
                client.post(US_SECRETARIAT, path, "{\"signedOn\":\"2024-03-02\"}", "Idempotency-Key", "k-refused");
        Response retry =
                client.post(US_SECRETARIAT, path, "{\"signedOn\":\"2024-03-02\"}", "Idempotency-Key", "k-refused");

        assertThat(first.status()).isEqualTo(409);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.isProblem()).isTrue();
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    @Test
    void theSameKeyWithAnotherBodyAnswers422() {
        String id = "ai-idem-other-body-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id), "Idempotency-Key", "k-other");
        long stored = tracker.storedEvents();

        Response other =
                client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id + "-2"), "Idempotency-Key", "k-other");
        Response otherPath = client.post(
                US_SECRETARIAT, "/api/commitments/" + id + "/milestones", MILESTONE, "Idempotency-Key", "k-other");

        for (Response refused : List.of(other, otherPath)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    @Test
    void aRetryWhileTheFirstIsInFlightAnswers409() throws Exception {
        String id = "ai-idem-in-flight-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id));
        String path = "/api/commitments/" + id + "/milestones";
        Instant now = Instant.now();
        tracker.jdbc()
                .update(
                        "INSERT INTO idempotency_key (username, idempotency_key, request_fingerprint, created_at,"
                                + " expires_at) VALUES (?, ?, ?, ?, ?)",
                        "us-secretariat",
                        "k-in-flight",
                        fingerprint("POST", path, MILESTONE),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofHours(1))));
        long stored = tracker.storedEvents();

        Response retry = client.post(US_SECRETARIAT, path, MILESTONE, "Idempotency-Key", "k-in-flight");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        assertThat(retry.isProblem()).isTrue();
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    @Test
    void keysBelongToTheirUser() {
        String id = "ai-idem-per-user-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id));
        String path = "/api/commitments/" + id + "/milestones";
        long stored = tracker.storedEvents();

        assertThat(client.post(US_SECRETARIAT, path, MILESTONE, "Idempotency-Key", "k-shared")
                        .status())
                .isEqualTo(200);
        assertThat(client.post(ROK_SECRETARIAT, path, MILESTONE, "Idempotency-Key", "k-shared")
                        .status())
                .isEqualTo(200);

        assertThat(tracker.storedEvents()).isEqualTo(stored + 2);
    }

    @Test
    void theSameKeySentTwentyTimesConcurrentlyStoresExactlyOneEvent() throws Exception {
        String id = "ai-idem-concurrent-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id));
        String path = "/api/commitments/" + id + "/milestones";
        long stored = tracker.storedEvents();

        List<Response> responses =
                concurrently(20, () -> client.post(US_SECRETARIAT, path, MILESTONE, "Idempotency-Key", "k-20"));

        assertThat(tracker.storedEvents()).isEqualTo(stored + 1);
        assertThat(eventsOf(id)).isEqualTo(2);
        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        List<String> successes = responses.stream()
                .filter(r -> r.status() == 200)
                .map(Response::body)
                .distinct()
                .toList();
        assertThat(successes)
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .matches("\\{\"commitmentId\":\"" + id + "\",\"version\":1,\"position\":\\d+}"));
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .allSatisfy(r -> assertThat(r.isProblem()).isTrue());
    }

    @Test
    void twoWritersWithTheSameIfMatchOneWinsTheOtherGets412() throws Exception {
        String id = "ai-etag-race-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id));
        String etag = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(VIEWER, "/api/commitments/" + id).header("ETag"), "\"0\""::equals);
        String path = "/api/commitments/" + id + "/milestones";
        long stored = tracker.storedEvents();

        List<Response> responses =
                concurrently(2, () -> client.post(US_SECRETARIAT, path, MILESTONE, "If-Match", etag));

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 412);
        Response loser =
                responses.stream().filter(r -> r.status() == 412).findFirst().orElseThrow();
        assertThat(loser.isProblem()).isTrue();
        assertThat(loser.json().get("rule").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(tracker.storedEvents()).isEqualTo(stored + 1);
    }

    @Test
    void aWriteWithoutIfMatchIsUnconditional() {
        String id = "ai-etag-none-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id));
        String path = "/api/commitments/" + id + "/milestones";

        assertThat(client.post(US_SECRETARIAT, path, MILESTONE).status()).isEqualTo(200);
        assertThat(client.post(US_SECRETARIAT, path, MILESTONE).status()).isEqualTo(200);
        assertThat(client.post(US_SECRETARIAT, path, MILESTONE, "If-Match", "\"0\"")
                        .status())
                .isEqualTo(412);
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    void keysSurviveARestartAndExpiredOnesArePurged() {
        String id = "ai-idem-restart-mou";
        Response first =
                client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id), "Idempotency-Key", "k-restart");
        assertThat(first.status()).isEqualTo(201);

        tracker.close();
        tracker = RunningTracker.start(dataDirectory, "tracker.seed.enabled=false");
        client = tracker.client();
        long stored = tracker.storedEvents();

        Response retry =
                client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id), "Idempotency-Key", "k-restart");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(tracker.storedEvents()).isEqualTo(stored);

        tracker.jdbc()
                .update(
                        "UPDATE idempotency_key SET expires_at = ? WHERE idempotency_key = ?",
                        Timestamp.from(Instant.now().minusSeconds(1)),
                        "k-restart");
        assertThat(tracker.bean(IdempotencyKeyStore.class).purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(tracker.jdbc()
                        .queryForObject(
                                "SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = 'k-restart'",
                                Integer.class))
                .isZero();
    }

    private static long eventsOf(String id) {
        Long count = tracker.jdbc()
                .queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        return count == null ? 0 : count;
    }

    private static List<Response> concurrently(int n, java.util.concurrent.Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String fingerprint(String method, String path, String body) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }
}
