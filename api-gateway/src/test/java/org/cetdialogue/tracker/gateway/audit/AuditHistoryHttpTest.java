package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The auditors' history: the global stream by cursor and filters, and one commitment with its corrections. */
@SharedTracker
class AuditHistoryHttpTest {

    private static final String ID = "quantum-audit-history-mou";

    private static RunningTracker tracker;
    private static TrackerClient client;

    @BeforeAll
    static void connect(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
        AuditFixtures.proposeSignPledgeAndCorrect(client, ID);
        AuditFixtures.awaitChained(tracker);
    }

    @Test
    void pagesTheWholeStreamByCursorInGlobalOrder() {
        List<Long> positions = new ArrayList<>();
        String after = ""; // the first page: no cursor (a store may count its positions from 0)
        int pages = 0;
        while (true) {
            JsonNode page = ok(client.get(AUDITOR, "/api/audit/events?limit=7" + after));
            page.get("events").forEach(e -> positions.add(e.get("position").asLong()));
            pages++;
            if (page.get("next").isNull()) {
                break;
            }
            after = "&after=" + page.get("next").asLong();
        }
        assertThat(positions).hasSize((int) tracker.storedEvents()).isSorted().doesNotHaveDuplicates();
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void filtersByCommitmentAreaActorTypeAndRecordedTime() {
        JsonNode mine = ok(client.get(AUDITOR, "/api/audit/events?commitment=" + ID));
        assertThat(types(mine))
                .containsExactly("MouProposedEvent", "MouSignedEvent", "FundingPledgedEvent", "EntryCorrectedEvent");
        JsonNode signed = mine.get("events").get(1);
        assertThat(signed.get("actor").asText()).isEqualTo("us-secretariat");
        assertThat(signed.get("side").asText()).isEqualTo("US");
        assertThat(signed.get("area").asText()).isEqualTo("QUANTUM");
        assertThat(signed.get("effectiveOn").asText()).isEqualTo("2024-03-01");
        assertThat(signed.get("correlationId").asText()).isEqualTo("audit-sign-1");
        assertThat(signed.get("payload").get("signedOn").asText()).isEqualTo("2024-03-01");

        assertThat(types(ok(client.get(
                        AUDITOR, "/api/audit/events?limit=1000&commitment=" + ID + "&actor=rok-secretariat"))))
                .containsExactly("FundingPledgedEvent", "EntryCorrectedEvent");
        assertThat(ok(client.get(AUDITOR, "/api/audit/events?limit=1000&actor=rok-secretariat"))
                        .get("events"))
                .allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("rok-secretariat"))
                .filteredOn(e -> e.get("commitmentId").asText().equals(ID))
                .extracting(e -> e.get("type").asText())
                .containsExactly("FundingPledgedEvent", "EntryCorrectedEvent");
        assertThat(ok(client.get(AUDITOR, "/api/audit/events?limit=1000&type=MouSignedEvent"))
                        .get("events"))
                .allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("MouSignedEvent"))
                .anySatisfy(e -> assertThat(e.get("commitmentId").asText()).isEqualTo(ID));
        assertThat(ok(client.get(AUDITOR, "/api/audit/events?limit=1000&area=quantum"))
                        .get("events"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("area").asText()).isEqualTo("QUANTUM"));

        String correctedAt = mine.get("events").get(3).get("recordedAt").asText();
        assertThat(types(ok(client.get(
                        AUDITOR, "/api/audit/events?limit=1000&commitment=" + ID + "&recordedFrom=" + correctedAt))))
                .containsExactly("EntryCorrectedEvent");
        assertThat(types(ok(client.get(
                        AUDITOR, "/api/audit/events?limit=1000&commitment=" + ID + "&recordedTo=" + correctedAt))))
                .hasSize(3);
    }

    @Test
    void aCommitmentsHistoryShowsEachCorrectionBeforeAndAfter() {
        JsonNode history = ok(client.get(AUDITOR, "/api/audit/commitments/" + ID + "/history"));
        assertThat(history.get("area").asText()).isEqualTo("QUANTUM");
        JsonNode correction = history.get("events").get(3);
        assertThat(correction.get("reason").asText()).isEqualTo("the pledge was 2.6 million");
        assertThat(correction.at("/correction/correctedSequence").asLong()).isEqualTo(2);
        assertThat(correction.at("/correction/correctedEventType").asText()).isEqualTo("FundingPledgedEvent");
        assertThat(correction.at("/correction/before/amount/amount").decimalValue())
                .isEqualByComparingTo("2500000");
        assertThat(correction.at("/correction/after/amount/amount").decimalValue())
                .isEqualByComparingTo("2600000");
        assertThat(history.get("events").get(0).get("correction").isNull()).isTrue();
    }

    @Test
    void refusesOtherRolesAndBadParameters() {
        assertThat(client.get(VIEWER, "/api/audit/events").status()).isEqualTo(403);
        assertThat(client.get(US_SECRETARIAT, "/api/audit/events").status()).isEqualTo(403);
        for (String bad : new String[] {
            "limit=0", "limit=1001", "after=-1", "area=MOON", "recordedFrom=yesterday", "type=drop%20table", "after=x"
        }) {
            TrackerClient.Response response = client.get(AUDITOR, "/api/audit/events?" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).as(bad).startsWith("application/problem+json");
        }
        assertThat(client.get(AUDITOR, "/api/audit/commitments/no-such-commitment/history")
                        .status())
                .isEqualTo(404);
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    static JsonNode ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
