package org.cetdialogue.tracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.ROK_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projections are a function of the events: the same after a restart on the same data, and the same again after
 * their tables and the processors' tokens are dropped and rebuilt from the events.
 */
class RestartAndRebuildHttpTest {

    private static final String ID = "battery-rebuild-program";

    @TempDir
    Path dataDirectory;

    @Test
    void projectionsSurviveARestartAndAreRebuiltEqualFromTheEvents() throws SQLException {
        JsonNode before;
        long events;
        try (RunningTracker tracker = RunningTracker.start(dataDirectory)) {
            TrackerClient client = tracker.client();
            record(client);
            await().atMost(Duration.ofSeconds(30)).until(() -> noLag(client));
            before = projections(client);
            assertThat(allCaughtUp(before)).as(before.toString()).isTrue();
            events = tracker.storedEvents();
        }

        try (RunningTracker restarted = RunningTracker.start(dataDirectory)) {
            assertThat(restarted.storedEvents())
                    .as("seeding again adds nothing")
                    .isEqualTo(events);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertSameProjections(projections(restarted.client()), before));
        }

        dropProjectionsAndTokens();

        try (RunningTracker rebuilt = RunningTracker.start(dataDirectory)) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertSameProjections(projections(rebuilt.client()), before));
            assertThat(rebuilt.storedEvents()).isEqualTo(events);
        }
    }

    private static void record(TrackerClient client) {
        String id = "/api/commitments/" + ID;
        expectOk(client.post(ROK_SECRETARIAT, "/api/commitments", """
                {"commitmentId":"%s","area":"BATTERIES_CLEAN_ENERGY","kind":"JOINT_RESEARCH",
                 "titleEn":"Rebuild test program","titleKo":"재구축 시험 사업",
                 "parties":[{"nameEn":"PNNL","nameKo":"퍼시픽노스웨스트국립연구소","country":"US","role":"LEAD"},
                            {"nameEn":"RIST","nameKo":"포항산업과학연구원","country":"ROK","role":"LEAD"}],
                 "targetDate":"2025-06-30","announcedOn":"2023-12-08"}
                """.formatted(ID)));
        expectOk(client.post(ROK_SECRETARIAT, id + "/launch", "{\"launchedOn\":\"2024-02-01\"}"));
        expectOk(client.post(
                ROK_SECRETARIAT,
                id + "/funding/pledges",
                "{\"funder\":\"MSIT\",\"amount\":\"1500000000\",\"currency\":\"KRW\",\"valueDate\":\"2024-03-01\"}"));
        expectOk(client.post(
                ROK_SECRETARIAT,
                id + "/funding/disbursements",
                "{\"funder\":\"MSIT\",\"amount\":\"500000000\",\"currency\":\"KRW\",\"valueDate\":\"2024-06-01\"}"));
        expectOk(client.post(
                ROK_SECRETARIAT,
                id + "/milestones",
                "{\"description\":\"First joint workshop\",\"achievedOn\":\"2024-05-15\"}"));
        expectOk(client.post(
                ROK_SECRETARIAT,
                id + "/corrections",
                "{\"correctedSequence\":2,\"reason\":\"typo in the pledge\",\"amount\":\"1600000000\","
                        + "\"currency\":\"KRW\"}"));
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
        all.set(
                "seeded",
                client.get(VIEWER, "/api/commitments/bio-lbnl-kribb-biofoundry-mou/history")
                        .json());
        return all;
    }

    /**
     * Every projection compared has applied every stored event (each processor runs on its own, so one may still be
     * behind when another has caught up): the freshness headers report no lag. Nothing is written afterwards.
     */
    private static boolean noLag(TrackerClient client) {
        return Stream.of("/api/areas", "/api/funding", "/api/commitments/" + ID, "/api/commitments/" + ID + "/history")
                .allMatch(path -> "0".equals(client.get(VIEWER, path).header("X-Projection-Lag")));
    }

    /** The six events of the test commitment, as each projection shows them. */
    private static boolean allCaughtUp(JsonNode p) {
        return p.at("/view/version").asLong() == 5
                && p.at("/history/entries").size() == 6
                && p.at("/areas/areas/2/byAssessment/SUBSTANTIAL").asInt() == 1
                && p.at("/funding/byArea/0/totals/pledged/amount").asLong() == 1_600_000_000L
                && p.at("/funding/byArea/0/totals/disbursed/amount").asLong() == 500_000_000L;
    }

    private static void assertSameProjections(JsonNode actual, JsonNode expected) {
        expected.fieldNames()
                .forEachRemaining(name -> assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name)));
    }

    private void dropProjectionsAndTokens() throws SQLException {
        assertThat(TestDatabase.emptyProjectionsAndTokens(dataDirectory))
                .contains("token_entry", "commitment_view", "history_entry");
    }

    private static void expectOk(TrackerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
