package org.cetdialogue.tracker.gateway.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.StoredWrites;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.Writers.Write;
import org.junit.jupiter.api.Test;

/**
 * Sixty-four clients write to one commitment at once, as a burst or a retrying import would: writes take turns
 * without holding database connections, so the commitment keeps accepting writes and its projections keep up; past
 * the bound of writes waiting for it, a write is refused at once with 503, {@code Retry-After} and a problem, and
 * stores nothing.
 */
@SharedTracker({ContendedWritesHttpTest.NO_RATE_LIMIT, ContendedWritesHttpTest.SHORT_QUEUE})
class ContendedWritesHttpTest {

    static final String NO_RATE_LIMIT = "tracker.rate-limit.enabled=false";
    static final String SHORT_QUEUE = "tracker.write.max-waiting-per-commitment=8";

    private static final String ID = "overload-contended-program";
    private static final int WRITERS = 64;

    /** One answer, with what a client needs to decide whether and when to retry. */
    record Answer(Write write, String retryAfter, String contentType) {}

    @Test
    void sixtyFourWritersOnOneCommitmentAreEachStoredOnceOrRefusedAtOnceWithRetryAfter(TrackerClient client)
            throws Exception {
        TrackerClient.Response created = client.post(US_SECRETARIAT, "/api/commitments", """
                {"commitmentId":"%s","area":"BATTERIES_CLEAN_ENERGY","kind":"PROGRAM",
                 "titleEn":"Contended program","titleKo":"경합 사업",
                 "parties":[{"nameEn":"DOE","nameKo":"미국 에너지부","country":"US","role":"FUNDER"}],
                 "announcedOn":"2023-12-08"}
                """.formatted(ID));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        List<Answer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            int thread = t;
            Thread writer = new Thread(
                    () -> {
                        for (int n = 1; running.get(); n++) {
                            String funder = "c" + thread + "-" + n;
                            TrackerClient.Response response;
                            try {
                                response = client.post(
                                        US_SECRETARIAT,
                                        "/api/commitments/" + ID + "/funding/pledges",
                                        "{\"funder\":\"" + funder
                                                + "\",\"amount\":\"1000\",\"currency\":\"USD\","
                                                + "\"valueDate\":\"2024-05-01\"}");
                            } catch (RuntimeException noAnswer) {
                                answers.add(new Answer(new Write(funder, 0, -1, noAnswer.toString()), null, null));
                                continue;
                            }
                            long version = response.status() == 200
                                    ? response.json().path("version").asLong(-1)
                                    : -1;
                            answers.add(new Answer(
                                    new Write(funder, response.status(), version, response.body()),
                                    response.header("Retry-After"),
                                    response.contentType()));
                        }
                    },
                    "contender-" + t);
            threads.add(writer);
            writer.start();
        }
        try {
            await("100 writes acknowledged and one refused, of " + WRITERS + " writers")
                    .atMost(Duration.ofSeconds(180))
                    .conditionEvaluationListener(condition -> {
                        if (condition.getRemainingTimeInMS() < 1_000) {
                            System.out.println("answers by status: "
                                    + answers.stream()
                                            .collect(Collectors.groupingBy(
                                                    a -> a.write().status(), Collectors.counting())));
                        }
                    })
                    .until(() -> answers.stream()
                                            .filter(a -> a.write().acknowledged())
                                            .count()
                                    >= 100
                            && answers.stream().anyMatch(a -> a.write().status() == 503));
        } finally {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }

        // how long answers took is the benchmark's to measure (docs/PERFORMANCE.md), not this test's
        assertThat(answers)
                .allSatisfy(
                        a -> assertThat(a.write().status()).as(a.write().body()).isIn(200, 503));
        List<Answer> refused =
                answers.stream().filter(a -> a.write().status() == 503).toList();
        assertThat(refused).isNotEmpty().allSatisfy(a -> {
            assertThat(a.retryAfter()).as("Retry-After").matches("[1-9][0-9]*");
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.write().body()).contains("urn:cet-tracker:problem:writes-overloaded");
        });

        List<Write> writes = answers.stream().map(Answer::write).toList();
        long acknowledged = writes.stream().filter(Write::acknowledged).count();
        JsonNode view = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> client.get(VIEWER, "/api/commitments/" + ID).json(),
                        v -> v.path("version").asLong() == acknowledged);
        JsonNode history =
                client.get(VIEWER, "/api/commitments/" + ID + "/history").json();
        StoredWrites.assertEachAcknowledgedWriteStoredOnce(view, history, writes);
        Set<String> stored = StreamSupport.stream(view.get("funding").spliterator(), false)
                .map(entry -> entry.get("funder").asText())
                .collect(Collectors.toSet());
        assertThat(refused)
                .as("a refused write stored nothing")
                .noneMatch(a -> stored.contains(a.write().funder()));
    }
}
