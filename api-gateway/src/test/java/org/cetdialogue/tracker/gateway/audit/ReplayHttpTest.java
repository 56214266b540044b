package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays rebuild the projections from the events while the tracker keeps taking writes; progress is readable by GET
 * and as Server-Sent Events; the rebuilt projections equal those built before and those built again from scratch.
 */
@SharedTracker
class ReplayHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "quantum-replay-mou";
    private static final String BUSY = "quantum-replay-busy-mou";
    private static final int WRITES_DURING_REPLAY = 15;

    private static RunningTracker tracker;
    private static TrackerClient client;

    @BeforeAll
    static void connect(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
        AuditFixtures.proposeSignPledgeAndCorrect(client, ID);
        AuditFixtures.propose(client, BUSY, "QUANTUM");
    }

    @Test
    void replayingAllWhileWritesContinueEndsEqualToARebuildFromScratch() throws Exception {
        JsonNode before = await().atMost(Duration.ofSeconds(30))
                .until(
                        ReplayHttpTest::projections,
                        p -> p.at("/view/version").asLong() == 3
                                && p.at("/busy/version").asLong() == 0);

        JsonNode replay = accepted(client.post(AUDITOR, "/api/audit/replays", "{\"projection\":\"all\"}"));
        assertThat(replay.get("processors")).hasSize(4);
        assertThat(replay.get("total").asLong()).isPositive();
        for (int i = 0; i < WRITES_DURING_REPLAY; i++) {
            AuditFixtures.pledge(client, BUSY, "1000.00");
        }
        awaitDone(replay.get("id").asText());

        // each processor replays on its own: wait until they all hold every write (two reads agree)
        JsonNode rebuilt = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            JsonNode first = projections();
                            return first.at("/busy/version").asLong() == WRITES_DURING_REPLAY
                                            && first.equals(projections())
                                    ? first
                                    : null;
                        },
                        java.util.Objects::nonNull);
        for (String name : List.of("view", "history", "seeded")) {
            assertThat(rebuilt.get(name)).as(name).isEqualTo(before.get(name));
        }
        assertThat(pledged(rebuilt.get("busyFunding")))
                .isEqualByComparingTo(new BigDecimal(WRITES_DURING_REPLAY * 1000));

        JsonNode again = accepted(client.post(AUDITOR, "/api/audit/replays", "{\"projection\":\"all\"}"));
        awaitDone(again.get("id").asText());
        JsonNode fromScratch = await().atMost(Duration.ofSeconds(60))
                .until(
                        ReplayHttpTest::projections,
                        p -> p.at("/busy/version").asLong() == WRITES_DURING_REPLAY && p.equals(rebuilt));
        assertThat(fromScratch).isEqualTo(rebuilt);
    }

    @Test
    void progressIsPushedAsServerSentEventsUpToOneHundredPercent() throws Exception {
        JsonNode replay = accepted(client.post(AUDITOR, "/api/audit/replays", "{\"projection\":\"funding-totals\"}"));
        TrackerClient.Response stream =
                client.get(AUDITOR, "/api/audit/replays/" + replay.get("id").asText() + "/progress");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        List<JsonNode> events = new ArrayList<>();
        for (String line : stream.body().lines().toList()) {
            if (line.startsWith("data:")) {
                events.add(JSON.readTree(line.substring(5)));
            }
        }
        assertThat(events).isNotEmpty();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("state").asText()).isEqualTo("DONE");
        assertThat(last.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(last.get("position").asLong()).isEqualTo(last.get("total").asLong());
        assertThat(last.get("etaSeconds").asLong()).isZero();
        assertThat(stream.body()).contains("event:progress");
        assertThat(events).extracting(e -> e.get("percent").asDouble()).isSorted();
    }

    @Test
    void refusesUnknownProjectionsAndOtherRoles() {
        TrackerClient.Response unknown = client.post(AUDITOR, "/api/audit/replays", "{\"projection\":\"everything\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(client.post(AUDITOR, "/api/audit/replays", "{}").status()).isEqualTo(400);
        assertThat(client.post(VIEWER, "/api/audit/replays", "{\"projection\":\"all\"}")
                        .status())
                .isEqualTo(403);
        assertThat(client.get(AUDITOR, "/api/audit/replays/no-such-replay").status())
                .isEqualTo(404);
    }

    private static void awaitDone(String id) {
        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> client.get(AUDITOR, "/api/audit/replays/" + id).json(),
                        p -> p.get("state").asText().equals("DONE"));
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("position").asLong()).isEqualTo(done.get("total").asLong());
    }

    private static BigDecimal pledged(JsonNode funding) {
        for (JsonNode line : funding.get("byLine")) {
            if (line.get("commitmentId").asText().equals(BUSY)) {
                return line.at("/totals/pledged/amount").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private static JsonNode accepted(TrackerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.header("Location")).startsWith("/api/audit/replays/");
        return response.json();
    }

    private static JsonNode projections() {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        all.set("areas", client.get(VIEWER, "/api/areas").json());
        all.set("funding", client.get(VIEWER, "/api/funding").json());
        all.set("commitments", client.get(VIEWER, "/api/commitments").json());
        all.set("view", client.get(VIEWER, "/api/commitments/" + ID).json());
        all.set("busy", client.get(VIEWER, "/api/commitments/" + BUSY).json());
        all.set("busyFunding", client.get(VIEWER, "/api/funding?area=QUANTUM").json());
        all.set(
                "history",
                client.get(VIEWER, "/api/commitments/" + ID + "/history").json());
        all.set(
                "seeded",
                client.get(VIEWER, "/api/commitments/bio-lbnl-kribb-biofoundry-mou/history")
                        .json());
        return all;
    }
}
