package org.cetdialogue.tracker.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.cetdialogue.tracker.support.PackagedTracker;
import org.cetdialogue.tracker.support.StoredWrites;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.Writers;
import org.cetdialogue.tracker.support.Writers.Write;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the packaged tracker while clients write: after a restart every write that got a 2xx is stored exactly
 * once, the commitment's sequences have no hole, and the projections equal a full rebuild from the events. Runs on
 * H2 (the default) and on PostgreSQL.
 */
class CrashSafetyIT {

    private static final String ID = "crash-safety-program";

    @TempDir
    Path dataDirectory;

    @Test
    void aKilledInstanceLosesNoAcknowledgedWriteAndItsProjectionsEqualARebuild() throws SQLException {
        List<Write> writes;
        try (PackagedTracker tracker = PackagedTracker.start(dataDirectory, "crash")) {
            TrackerClient client = tracker.client();
            TrackerClient.Response created = client.post(US_SECRETARIAT, "/api/commitments", """
                    {"commitmentId":"%s","area":"QUANTUM","kind":"JOINT_RESEARCH",
                     "titleEn":"Crash safety research","titleKo":"충돌 안전 연구",
                     "parties":[{"nameEn":"NIST","nameKo":"미국 국립표준기술연구소","country":"US","role":"LEAD"}],
                     "announcedOn":"2023-12-08"}
                    """.formatted(ID));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            Writers writers = Writers.start(3, ID, thread -> client);
            await().atMost(Duration.ofSeconds(120)).until(() -> writers.acknowledged() >= 20);
            tracker.kill();
            writes = writers.stop();
        }
        assertThat(writes).filteredOn(w -> w.status() >= 500).isEmpty();

        JsonNode before;
        try (PackagedTracker restarted = PackagedTracker.start(dataDirectory, "crash")) {
            TrackerClient client = restarted.client();
            long lastAcknowledged = writes.stream()
                    .filter(Write::acknowledged)
                    .mapToLong(Write::version)
                    .max()
                    .orElseThrow();
            JsonNode view = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> client.get(VIEWER, "/api/commitments/" + ID).json(),
                            v -> v.path("version").asLong() >= lastAcknowledged
                                    && v.path("funding").size()
                                            == v.path("version").asLong());
            JsonNode history =
                    client.get(VIEWER, "/api/commitments/" + ID + "/history").json();
            StoredWrites.assertEachAcknowledgedWriteStoredOnce(view, history, writes);
            // every processor runs on its own: wait until all of them have applied every event (two reads agree and
            // the history holds every version), then take the state the rebuild must reproduce
            before = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                JsonNode first = projections(client);
                                return first.equals(projections(client))
                                                && first.at("/history/entries").size()
                                                        == first.at("/view/version")
                                                                        .asLong()
                                                                + 1
                                        ? first
                                        : null;
                            },
                            java.util.Objects::nonNull);
            restarted.stop();
        }

        dropProjectionsAndTokens();

        try (PackagedTracker rebuilt = PackagedTracker.start(dataDirectory, "crash")) {
            JsonNode expected = before;
            JsonNode after = await().atMost(Duration.ofSeconds(120))
                    .until(() -> projections(rebuilt.client()), expected::equals);
            assertThat(after).isEqualTo(before);
        }
    }

    private static JsonNode projections(TrackerClient client) {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        all.set("areas", client.get(VIEWER, "/api/areas").json());
        all.set("funding", client.get(VIEWER, "/api/funding").json());
        all.set("commitments", client.get(VIEWER, "/api/commitments").json());
        all.set("view", client.get(VIEWER, "/api/commitments/" + ID).json());
        all.set(
                "history",
                client.get(VIEWER, "/api/commitments/" + ID + "/history").json());
        return all;
    }

    private void dropProjectionsAndTokens() throws SQLException {
        assertThat(TestDatabase.emptyProjectionsAndTokens(dataDirectory))
                .contains("token_entry", "commitment_view", "history_entry");
    }
}
