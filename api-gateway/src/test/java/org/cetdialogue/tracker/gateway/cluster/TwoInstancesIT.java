package org.cetdialogue.tracker.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cetdialogue.tracker.support.PackagedTracker;
import org.cetdialogue.tracker.support.StoredWrites;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.Writers;
import org.cetdialogue.tracker.support.Writers.Write;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged instances (separate JVMs, separate ports) on one PostgreSQL database, started at the same moment (so
 * both seed at once), written to concurrently on the same commitment: every acknowledged write is exactly one
 * event, conflicts are 409/412 and never 5xx, and both instances converge to the same state and totals.
 */
class TwoInstancesIT {

    private static final String ID = "cluster-shared-program";

    @TempDir
    Path dataDirectory;

    @Test
    void concurrentWritesThroughTwoInstancesAreEachStoredOnceAndBothConverge() {
        assumeTrue(TestDatabase.isPostgres(), "instances share a database only on PostgreSQL");
        try (PackagedTracker a = PackagedTracker.launch(dataDirectory, "instance-a");
                PackagedTracker b = PackagedTracker.launch(dataDirectory, "instance-b")) {
            a.awaitReady();
            b.awaitReady();
            TrackerClient onA = a.client();
            TrackerClient onB = b.client();
            assertSeededOnce(onA);

            TrackerClient.Response created = onA.post(US_SECRETARIAT, "/api/commitments", """
                    {"commitmentId":"%s","area":"SEMICONDUCTORS","kind":"PROGRAM",
                     "titleEn":"Shared program","titleKo":"공동 사업",
                     "parties":[{"nameEn":"NSF","nameKo":"미국 국립과학재단","country":"US","role":"FUNDER"}],
                     "announcedOn":"2023-12-08"}
                    """.formatted(ID));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            TrackerClient.Response duplicate = onB.post(US_SECRETARIAT, "/api/commitments", """
                    {"commitmentId":"%s","area":"SEMICONDUCTORS","kind":"PROGRAM",
                     "titleEn":"Shared program","titleKo":"공동 사업",
                     "parties":[{"nameEn":"NSF","nameKo":"미국 국립과학재단","country":"US","role":"FUNDER"}],
                     "announcedOn":"2023-12-08"}
                    """.formatted(ID));
            assertThat(duplicate.status())
                    .as("the same id through the other instance")
                    .isEqualTo(409);

            Writers writers = Writers.start(4, ID, thread -> thread % 2 == 0 ? onA : onB);
            await().atMost(Duration.ofSeconds(120)).until(() -> writers.acknowledged() >= 40);
            List<Write> writes = writers.stop();

            // unconditional writes: stored, or, having lost the race to the other instance on every retry, refused
            // with 503 writes-overloaded (Retry-After) and nothing stored; never a 412 for an If-Match not sent
            assertThat(writes)
                    .allSatisfy(w -> assertThat(w.status()).as(w.body()).isIn(200, 409, 503));
            assertThat(writes)
                    .filteredOn(w -> w.status() == 503)
                    .allSatisfy(w -> assertThat(w.body()).contains("urn:cet-tracker:problem:writes-overloaded"));
            Set<Long> versions = new HashSet<>();
            writes.stream()
                    .filter(Write::acknowledged)
                    .forEach(w -> assertThat(versions.add(w.version()))
                            .as("version %d given twice", w.version())
                            .isTrue());
            long acknowledged = writers.acknowledged();

            JsonNode viewOnA = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> onA.get(VIEWER, "/api/commitments/" + ID).json(),
                            v -> v.path("version").asLong() == acknowledged);
            JsonNode history =
                    onA.get(VIEWER, "/api/commitments/" + ID + "/history").json();
            StoredWrites.assertEachAcknowledgedWriteStoredOnce(viewOnA, history, writes);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(onB.get(VIEWER, "/api/commitments/" + ID).json()).isEqualTo(viewOnA);
                JsonNode fundingA =
                        onA.get(VIEWER, "/api/funding?area=SEMICONDUCTORS").json();
                assertThat(onB.get(VIEWER, "/api/funding?area=SEMICONDUCTORS").json())
                        .isEqualTo(fundingA);
                assertThat(onB.get(VIEWER, "/api/areas").json())
                        .isEqualTo(onA.get(VIEWER, "/api/areas").json());
            });
        }
    }

    /** Both instances seeded at once: each seeded commitment's history holds every step once. */
    private static void assertSeededOnce(TrackerClient client) {
        JsonNode commitments = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> client.get(VIEWER, "/api/commitments").json(),
                        list -> list.path("commitments").size() >= 16);
        for (JsonNode commitment : commitments.get("commitments")) {
            String id = commitment.get("commitmentId").asText();
            JsonNode entries = client.get(VIEWER, "/api/commitments/" + id + "/history")
                    .json()
                    .get("entries");
            Set<String> steps = new HashSet<>();
            for (JsonNode entry : entries) {
                assertThat(steps.add(entry.get("eventType").asText() + " "
                                + entry.get("summary").asText()))
                        .as("%s recorded twice in %s", entry.get("summary").asText(), id)
                        .isTrue();
            }
        }
    }
}
