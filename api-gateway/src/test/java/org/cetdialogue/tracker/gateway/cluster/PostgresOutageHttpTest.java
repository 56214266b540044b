package org.cetdialogue.tracker.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.StoredWrites;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.Writers;
import org.cetdialogue.tracker.support.Writers.Write;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL itself stopped immediately ({@code pg_ctl stop -m immediate}, through {@code pg_ctlcluster}) while
 * clients write, then started again: during the outage writes get 503 problem+json and health is DOWN; afterwards
 * the same tracker, not restarted, accepts writes again and health is UP; every acknowledged write is stored once. A
 * write with an {@code Idempotency-Key}, whose record is in the same database, gets the same 503.
 *
 * <p>It stops the whole server, so it runs only when asked: {@code -Dtracker.test.pg-crash=true} (set by
 * {@code .ci/run}) on PostgreSQL; the server is started again in any case.
 */
class PostgresOutageHttpTest {

    private static final String ID = "outage-program";

    @TempDir
    Path dataDirectory;

    @Test
    void writesGet503DuringAnOutageAndTheTrackerRecoversWithoutARestart() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only");
        assumeTrue(Boolean.getBoolean("tracker.test.pg-crash"), "stops the PostgreSQL server: opt-in");
        try (RunningTracker tracker = RunningTracker.start(dataDirectory)) {
            TrackerClient client = tracker.client();
            TrackerClient.Response created = client.post(US_SECRETARIAT, "/api/commitments", """
                    {"commitmentId":"%s","area":"DIGITAL_ICT","kind":"COOPERATION",
                     "titleEn":"Outage cooperation","titleKo":"장애 협력",
                     "parties":[{"nameEn":"NTIA","nameKo":"미국 국가통신정보청","country":"US","role":"LEAD"}],
                     "announcedOn":"2023-12-08"}
                    """.formatted(ID));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Writers writers = Writers.start(2, ID, thread -> client);
            await().atMost(Duration.ofSeconds(60)).until(() -> writers.acknowledged() >= 10);
            List<Write> writes;
            try {
                cluster("stop", "-m", "immediate");
                TrackerClient.Response refused = await().atMost(Duration.ofSeconds(60))
                        .until(() -> pledge(client, "during-outage"), r -> r.status() == 503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("status").asInt()).isEqualTo(503);
                // with an Idempotency-Key the key's own record cannot be claimed either: 503 too, never a 500
                TrackerClient.Response keyed =
                        pledge(client, "during-outage-keyed", "Idempotency-Key", "outage-" + PROBES.incrementAndGet());
                assertThat(keyed.status()).as(keyed.toString()).isEqualTo(503);
                assertThat(keyed.contentType()).startsWith("application/problem+json");
                assertThat(keyed.header("Retry-After")).isNotBlank();
                TrackerClient.Response health = await().atMost(Duration.ofSeconds(60))
                        .until(() -> client.get(null, "/actuator/health"), r -> r.status() == 503);
                assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
                assertThat(client.get(null, "/actuator/health/liveness").status())
                        .as("alive all the same: no restart wanted")
                        .isEqualTo(200);
            } finally {
                cluster("start");
            }
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> pledge(client, "after-outage").status() == 200);
            writes = writers.stop();
            assertThat(writes)
                    .as("only 2xx, a conflict, or 503 — never another 5xx")
                    .allSatisfy(w -> assertThat(w.status()).as(w.body()).isIn(0, 200, 409, 412, 503));
            assertThat(writes).anySatisfy(w -> assertThat(w.status()).isEqualTo(503));
            await().atMost(Duration.ofSeconds(180))
                    .until(() -> client.get(null, "/actuator/health").status() == 200);

            JsonNode view = await().atMost(Duration.ofSeconds(120))
                    .until(
                            () -> client.get(VIEWER, "/api/commitments/" + ID).json(),
                            v -> v.path("funding").size() == v.path("version").asLong()
                                    && v.path("funding").toString().contains("after-outage"));
            // the history is a projection of its own: after the outage it may still be catching up with the view
            JsonNode history = await().atMost(Duration.ofSeconds(120))
                    .until(
                            () -> client.get(VIEWER, "/api/commitments/" + ID + "/history")
                                    .json(),
                            h -> h.path("entries").size()
                                    == view.path("version").asLong() + 1);
            StoredWrites.assertEachAcknowledgedWriteStoredOnce(view, history, writes);
        } finally {
            cluster("start");
        }
    }

    private static final AtomicInteger PROBES = new AtomicInteger();

    /** One pledge with a funder name of its own, so that a probe stored despite a lost answer is told apart. */
    private static TrackerClient.Response pledge(TrackerClient client, String funderPrefix, String... headers) {
        String funder = funderPrefix + "-" + PROBES.incrementAndGet();
        return client.post(
                US_SECRETARIAT,
                "/api/commitments/" + ID + "/funding/pledges",
                "{\"funder\":\"" + funder + "\",\"amount\":\"1\",\"currency\":\"USD\",\"valueDate\":\"2024-05-01\"}",
                headers);
    }

    /** {@code pg_ctlcluster} on the machine's one cluster; {@code start} on a running server changes nothing. */
    private static void cluster(String action, String... options) throws IOException, InterruptedException {
        String version = new String(new ProcessBuilder("ls", "/etc/postgresql")
                        .start()
                        .getInputStream()
                        .readAllBytes())
                .trim();
        List<String> command = new java.util.ArrayList<>(
                List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).inheritIO().start();
        process.waitFor(120, TimeUnit.SECONDS);
        if (action.equals("start")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1")
                                    .start()
                                    .waitFor()
                            == 0);
        }
    }
}
