package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.ROK_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record as of a date, bitemporally. An MOU proposed (recorded 2024-01-10) is signed on 2024-03-01 but the
 * signature is recorded only on 2024-04-15; on 2024-05-20 a correction moves the signature to 2024-02-26. USD 1M is
 * pledged with value date 2024-03-10 (recorded 2024-04-15) and corrected to 1.2M (recorded 2024-05-20).
 *
 * <p>The recording times are set through Axon's own seam, {@link GenericEventMessage#clock} (the clock that stamps
 * every event when it is applied), for the duration of those writes only: the events then go through the real
 * commands, aggregate and event store, which inserting rows by hand would bypass. The test JVM runs one test class
 * at a time, and the clock is restored before any other write.
 */
@SharedTracker
class AsOfHttpTest {

    private static final String ID = "ai-as-of-mou";

    private static RunningTracker tracker;
    private static TrackerClient client;

    @BeforeAll
    static void recordWithControlledTimes(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
        Clock system = GenericEventMessage.clock;
        try {
            recordedAt("2024-01-10T03:00:00Z");
            AuditFixtures.propose(client, ID, "AI_STANDARDS");
            recordedAt("2024-04-15T03:00:00Z");
            AuditFixtures.expectOk(client.post(
                    US_SECRETARIAT, "/api/commitments/" + ID + "/signature", "{\"signedOn\":\"2024-03-01\"}"));
            AuditFixtures.expectOk(client.post(
                    ROK_SECRETARIAT,
                    "/api/commitments/" + ID + "/funding/pledges",
                    "{\"funder\":\"MSIT\",\"amount\":\"1000000.00\",\"currency\":\"USD\","
                            + "\"valueDate\":\"2024-03-10\"}"));
            recordedAt("2024-05-20T03:00:00Z");
            AuditFixtures.expectOk(client.post(
                    ROK_SECRETARIAT,
                    "/api/commitments/" + ID + "/corrections",
                    "{\"correctedSequence\":1,\"reason\":\"the minutes show the 26th\","
                            + "\"effectiveOn\":\"2024-02-26\"}"));
            AuditFixtures.expectOk(client.post(
                    ROK_SECRETARIAT,
                    "/api/commitments/" + ID + "/corrections",
                    "{\"correctedSequence\":2,\"reason\":\"the pledge was 1.2 million\","
                            + "\"amount\":\"1200000.00\",\"currency\":\"USD\"}"));
        } finally {
            GenericEventMessage.clock = system;
        }
    }

    @Test
    void beforeTheSignatureAsKnownBeforeItWasRecorded() {
        JsonNode state = asOf("2024-02-27", "2024-04-01");
        assertThat(state.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(state.get("assessment").asText()).isEqualTo("NOT_STARTED");
    }

    @Test
    void afterTheSignatureAsKnownBeforeItWasRecorded() {
        JsonNode state = asOf("2024-03-05", "2024-04-01");
        assertThat(state.get("status").asText())
                .as("signed in fact, but not known yet")
                .isEqualTo("PROPOSED");
        assertThat(state.get("basis")).hasSize(1);
    }

    @Test
    void beforeTheSignatureAsKnownOnceRecordedButNotYetCorrected() {
        JsonNode state = asOf("2024-02-27", "2024-04-20");
        assertThat(state.get("status").asText())
                .as("known then as signed on 2024-03-01")
                .isEqualTo("PROPOSED");
    }

    @Test
    void afterTheSignatureAsKnownOnceRecorded() {
        JsonNode state = asOf("2024-03-05", "2024-04-20");
        assertThat(state.get("status").asText()).isEqualTo("SIGNED");
        assertThat(state.get("assessment").asText()).isEqualTo("LIMITED");
        assertThat(state.get("corrections")).isEmpty();
    }

    @Test
    void theCorrectionMovesTheSignatureOnlyForWhatIsKnownAfterIt() {
        assertThat(asOf("2024-02-27", "2024-05-21").get("status").asText()).isEqualTo("SIGNED");
        assertThat(asOf("2024-02-27", "2024-05-21").get("corrections")).hasSize(2);
        assertThat(asOf("2024-02-25", "2024-05-21").get("status").asText()).isEqualTo("PROPOSED");
        assertThat(asOf("2024-02-27", "2024-05-19").get("status").asText()).isEqualTo("PROPOSED");
    }

    @Test
    void fundingAsOfFollowsBothDatesAndTheCorrection() {
        assertThat(asOf("2024-03-31", "2024-04-01").get("funding")).isEmpty();
        assertThat(asOf("2024-03-09", "2024-04-20").get("funding")).isEmpty();
        assertThat(asOf("2024-03-31", "2024-04-20").at("/funding/0/pledged").decimalValue())
                .isEqualByComparingTo("1000000");
        assertThat(asOf("2024-03-31", "2024-05-21").at("/funding/0/pledged").decimalValue())
                .isEqualByComparingTo("1200000");
    }

    /**
     * The funding events moved into {@code …api.commitment} to join the sealed {@code CommitmentEvent}; the pledge is
     * still stored under its former type name (and read back, through the correction above and the as-of fold).
     */
    @Test
    void thePledgeIsStoredUnderItsFormerTypeName() {
        // the stored type names as the storage hands them to Axon, whichever storage it is
        assertThat(tracker.bean(StoredEvents.class).ofAggregate(ID).stream()
                        .map(StoredEvent::payloadType)
                        .toList())
                .containsExactly(
                        "org.cetdialogue.tracker.api.commitment.MouProposedEvent",
                        "org.cetdialogue.tracker.api.commitment.MouSignedEvent",
                        "org.cetdialogue.tracker.api.funding.FundingPledgedEvent",
                        "org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent",
                        "org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent");
    }

    @Test
    void areasAsOfCountStatusAndFunding() {
        JsonNode known = area(client.get(AUDITOR, "/api/audit/as-of/areas?effective=2024-03-31&recorded=2024-04-20"));
        assertThat(known.get("commitmentCount").asInt())
                .as("the seeded fact sheet was recorded later")
                .isEqualTo(1);
        assertThat(known.at("/byStatus/SIGNED").asInt()).isEqualTo(1);
        assertThat(known.at("/funding/0/currency").asText()).isEqualTo("USD");
        assertThat(known.at("/funding/0/pledged").decimalValue()).isEqualByComparingTo("1000000");

        JsonNode earlier = area(client.get(AUDITOR, "/api/audit/as-of/areas?effective=2024-03-31&recorded=2024-04-01"));
        assertThat(earlier.at("/byStatus/PROPOSED").asInt()).isEqualTo(1);
        assertThat(earlier.at("/byStatus/SIGNED").isMissingNode()).isTrue();
        assertThat(earlier.get("funding")).isEmpty();

        JsonNode now = area(client.get(AUDITOR, "/api/audit/as-of/areas"));
        assertThat(now.get("commitmentCount").asInt()).isGreaterThan(1);
    }

    @Test
    void notYetProposedIsNotFoundAndBadDatesAreRefused() {
        assertThat(client.get(AUDITOR, "/api/audit/as-of/commitments/" + ID + "?recorded=2024-01-09")
                        .status())
                .isEqualTo(404);
        TrackerClient.Response bad = client.get(AUDITOR, "/api/audit/as-of/commitments/" + ID + "?effective=31.3.2024");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode area(TrackerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode area : response.json().get("areas")) {
            if (area.get("area").asText().equals("AI_STANDARDS")) {
                return area;
            }
        }
        throw new AssertionError("no AI_STANDARDS in " + response);
    }

    private static JsonNode asOf(String effective, String recorded) {
        TrackerClient.Response response = client.get(
                AUDITOR, "/api/audit/as-of/commitments/" + ID + "?effective=" + effective + "&recorded=" + recorded);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void recordedAt(String instant) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
