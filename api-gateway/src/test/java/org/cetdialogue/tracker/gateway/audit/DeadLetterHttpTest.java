package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import org.cetdialogue.tracker.query.audit.deadletter.ProjectionFaults;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The funding projection fails on every event of one commitment (through the test-only {@link ProjectionFaults}
 * seam): those events are parked in the dead-letter queue with their cause while the other commitment's updates keep
 * arriving; once the fault is removed, a retry empties the queue and the totals are right.
 */
@SharedTracker
class DeadLetterHttpTest {

    private static final String FAULTY = "digital-dead-letter-mou";
    private static final String HEALTHY = "digital-healthy-mou";

    private static RunningTracker tracker;
    private static TrackerClient client;

    @BeforeAll
    static void connect(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
    }

    @AfterAll
    static void stop() {
        tracker.bean(ProjectionFaults.class).clear();
    }

    @Test
    void aFailingCommitmentIsParkedWhileOthersFlowAndARetryCatchesUp() {
        ProjectionFaults faults = tracker.bean(ProjectionFaults.class);
        AuditFixtures.propose(client, FAULTY, "DIGITAL_ICT");
        AuditFixtures.propose(client, HEALTHY, "DIGITAL_ICT");
        faults.failFor("funding-totals", FAULTY);

        AuditFixtures.pledge(client, FAULTY, "100.00");
        AuditFixtures.pledge(client, HEALTHY, "200.00");
        AuditFixtures.pledge(client, FAULTY, "300.00");
        AuditFixtures.pledge(client, HEALTHY, "400.00");

        await().atMost(Duration.ofSeconds(30)).until(() -> pledged(HEALTHY).compareTo(new BigDecimal("600")) == 0);
        JsonNode parked = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters().get("deadLetters"), letters -> letters.size() == 2);
        assertThat(parked).allSatisfy(letter -> {
            assertThat(letter.get("processingGroup").asText()).isEqualTo("funding-totals");
            assertThat(letter.get("sequence").asText()).isEqualTo(FAULTY);
            assertThat(letter.get("eventType").asText()).isEqualTo("FundingPledgedEvent");
        });
        assertThat(parked.get(0).get("causeType").asText()).endsWith("InjectedFaultException");
        assertThat(parked.get(0).get("causeMessage").asText()).contains(FAULTY);
        assertThat(pledged(FAULTY)).isEqualByComparingTo("0");
        // the other projections are not held up: the commitment's view reaches its last version
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(VIEWER, "/api/commitments/" + FAULTY)
                                .json()
                                .path("version")
                                .asLong(-1)
                        == 2);

        faults.clear();
        TrackerClient.Response retry = client.post(AUDITOR, "/api/audit/dead-letters/funding-totals/retry", "");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("processedSequences").asInt()).isEqualTo(1);
        assertThat(retry.json().get("stillParked")).isEmpty();
        assertThat(deadLetters().get("deadLetters")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> pledged(FAULTY).compareTo(new BigDecimal("400")) == 0);
        assertThat(pledged(HEALTHY)).isEqualByComparingTo("600");
    }

    @Test
    void onlyAuditorsSeeDeadLettersAndUnknownGroupsAreNotFound() {
        assertThat(client.get(VIEWER, "/api/audit/dead-letters").status()).isEqualTo(403);
        TrackerClient.Response unknown = client.post(AUDITOR, "/api/audit/dead-letters/no-such-group/retry", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode deadLetters() {
        TrackerClient.Response response = client.get(AUDITOR, "/api/audit/dead-letters");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static BigDecimal pledged(String commitmentId) {
        for (JsonNode line :
                client.get(VIEWER, "/api/funding?area=DIGITAL_ICT").json().get("byLine")) {
            if (line.get("commitmentId").asText().equals(commitmentId)) {
                return line.at("/totals/pledged/amount").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }
}
