package org.cetdialogue.tracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracker end to end over HTTP: the seeded fact sheet, a commitment's lifecycle, and refusals. */
@SharedTracker
class CommitmentLifecycleHttpTest {

    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void connect(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
    }

    @Test
    void listsTheSevenAreasWithTheSeededCommitments() {
        JsonNode areas = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(VIEWER, "/api/areas").json().get("areas"), a -> totalCommitments(a) >= 16);

        assertThat(areas).hasSize(7);
        List<String> names = new ArrayList<>();
        areas.forEach(area -> {
            names.add(area.get("area").asText());
            assertThat(area.get("commitmentCount").asInt())
                    .as(area.get("area").asText())
                    .isGreaterThanOrEqualTo(2);
            assertThat(area.get("labelKo").asText()).isNotBlank();
        });
        assertThat(names)
                .containsExactly(
                        "SEMICONDUCTORS",
                        "BIOTECHNOLOGY",
                        "BATTERIES_CLEAN_ENERGY",
                        "QUANTUM",
                        "AI_STANDARDS",
                        "DIGITAL_ICT",
                        "TECHNOLOGY_PROTECTION");
        JsonNode biotech = areas.get(1);
        assertThat(biotech.at("/byStatus/SIGNED").asInt()).isEqualTo(1);
    }

    @Test
    void seededBiotechnologyFundingIsAtLeastTenMillionDollarsPledged() {
        JsonNode byArea = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.get(VIEWER, "/api/funding?area=BIOTECHNOLOGY")
                                .json()
                                .get("byArea"),
                        lines -> lines.size() > 0);

        JsonNode usd = byArea.get(0);
        assertThat(usd.get("currency").asText()).isEqualTo("USD");
        assertThat(usd.at("/totals/pledged/amount").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("10000000"));
        assertThat(usd.at("/totals/pledged/lowerBound").asBoolean()).isTrue();
        assertThat(usd.at("/totals/disbursed/amount").decimalValue()).isZero();
    }

    @Test
    void recordsAnMouFromProposalToFundingAndShowsItInEveryProjection() {
        tracker.awaitProjectionsCaughtUp();
        int launchedBefore = launchedIn(client.get(VIEWER, "/api/areas/QUANTUM").json());
        Response proposed = client.post(US_SECRETARIAT, "/api/commitments", mou("quantum-lifecycle-mou"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.header("Location")).isEqualTo("/api/commitments/quantum-lifecycle-mou");
        assertThat(proposed.json().get("version").asLong()).isZero();

        Response signed = client.post(
                US_SECRETARIAT, "/api/commitments/quantum-lifecycle-mou/signature", "{\"signedOn\":\"2024-03-01\"}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.json().get("version").asLong()).isEqualTo(1);

        Response launched = client.post(
                US_SECRETARIAT,
                "/api/commitments/quantum-lifecycle-mou/launch",
                "{\"launchedOn\":\"2024-04-02\",\"note\":\"kick-off workshop\"}");
        assertThat(launched.json().get("version").asLong()).isEqualTo(2);

        Response pledged = client.post(
                US_SECRETARIAT,
                "/api/commitments/quantum-lifecycle-mou/funding/pledges",
                "{\"funder\":\"NIST\",\"amount\":\"2500000.50\",\"currency\":\"USD\",\"lowerBound\":false,"
                        + "\"valueDate\":\"2024-05-01\"}");
        assertThat(pledged.status()).as(pledged.toString()).isEqualTo(200);
        assertThat(pledged.json().get("version").asLong()).isEqualTo(3);

        JsonNode view = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.get(VIEWER, "/api/commitments/quantum-lifecycle-mou"),
                        r -> r.status() == 200 && r.json().get("version").asLong() == 3)
                .json();
        assertThat(view.get("status").asText()).isEqualTo("LAUNCHED");
        assertThat(view.get("assessment").asText()).isEqualTo("LIMITED");
        assertThat(view.get("signedOn").asText()).isEqualTo("2024-03-01");
        assertThat(client.get(VIEWER, "/api/commitments/quantum-lifecycle-mou").header("ETag"))
                .isEqualTo("\"3\"");

        JsonNode quantum = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(VIEWER, "/api/areas/QUANTUM").json(), a -> launchedIn(a) > launchedBefore);
        assertThat(launchedIn(quantum)).isEqualTo(launchedBefore + 1);

        JsonNode line = await().atMost(Duration.ofSeconds(30))
                .until(() -> fundingLine("quantum-lifecycle-mou"), l -> l != null);
        assertThat(line.get("funder").asText()).isEqualTo("NIST");
        assertThat(line.at("/totals/pledged/amount").decimalValue()).isEqualByComparingTo("2500000.50");
        assertThat(line.at("/totals/pledged/lowerBound").asBoolean()).isFalse();
        assertThat(line.at("/totals/committed/amount").decimalValue()).isZero();

        JsonNode history = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.get(VIEWER, "/api/commitments/quantum-lifecycle-mou/history")
                                .json()
                                .get("entries"),
                        e -> e != null && e.size() == 4);
        List<String> types = new ArrayList<>();
        history.forEach(entry -> {
            types.add(entry.get("eventType").asText());
            assertThat(entry.get("actor").asText()).isEqualTo("us-secretariat");
            assertThat(entry.get("side").asText()).isEqualTo("US");
            assertThat(entry.get("recordedAt").asText()).isNotBlank();
            assertThat(entry.get("correlationId").asText()).isNotBlank();
        });
        assertThat(types)
                .containsExactly("MouProposedEvent", "MouSignedEvent", "ProgramLaunchedEvent", "FundingPledgedEvent");
        assertThat(history.get(1).get("effectiveOn").asText()).isEqualTo("2024-03-01");
        assertThat(history.get(2).get("effectiveOn").asText()).isEqualTo("2024-04-02");
    }

    @Test
    void signingAnMouTwiceAnswers409AndStoresNothing() {
        client.post(US_SECRETARIAT, "/api/commitments", mou("ai-sign-twice-mou"));
        assertThat(client.post(
                                US_SECRETARIAT,
                                "/api/commitments/ai-sign-twice-mou/signature",
                                "{\"signedOn\":\"2024-03-01\"}")
                        .status())
                .isEqualTo(200);
        long stored = tracker.storedEvents();

        Response again = client.post(
                US_SECRETARIAT, "/api/commitments/ai-sign-twice-mou/signature", "{\"signedOn\":\"2024-03-02\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("rule").asText()).isEqualTo("MOU_ALREADY_SIGNED");
        assertThat(again.json().get("detail").asText()).contains("already signed");
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusesBadRequestsWithProblemDetailsAndStoresNothing() {
        client.post(US_SECRETARIAT, "/api/commitments", mou("digital-refusals-mou"));
        long stored = tracker.storedEvents();
        String base = "/api/commitments/digital-refusals-mou";

        assertProblem(client.post(US_SECRETARIAT, base + "/funding/pledges", "{\"amount\": -5}"), 400);
        assertProblem(
                client.post(
                        US_SECRETARIAT,
                        base + "/funding/pledges",
                        "{\"funder\":\"MSIT\",\"amount\":\"1000.5\",\"currency\":\"KRW\",\"valueDate\":\"2024-01-01\"}"),
                422);
        assertProblem(
                client.post(
                        US_SECRETARIAT,
                        base + "/funding/pledges",
                        "{\"funder\":\"MSIT\",\"amount\":\"0\",\"currency\":\"KRW\",\"valueDate\":\"2024-01-01\"}"),
                422);
        assertProblem(client.post(US_SECRETARIAT, base + "/launch", "{\"launchedOn\":"), 400);
        assertProblem(client.post(US_SECRETARIAT, base + "/launch", "{\"launchedOn\":\"2024-02-30\"}"), 400);
        assertProblem(
                client.post(
                        US_SECRETARIAT, base + "/signature", "{\"signedOn\":\"2024-03-01\",\"author\":\"mallory\"}"),
                400);
        assertProblem(client.post(US_SECRETARIAT, base + "/signature", "{\"signedOn\":\"2999-01-01\"}"), 422);
        assertProblem(
                client.post(
                        US_SECRETARIAT,
                        "/api/commitments/no-such-commitment/launch",
                        "{\"launchedOn\":\"2024-01-01\"}"),
                404);
        assertProblem(
                client.post(US_SECRETARIAT, "/api/commitments/BAD..ID/launch", "{\"launchedOn\":\"2024-01-01\"}"), 400);
        assertProblem(client.post(VIEWER, base + "/signature", "{\"signedOn\":\"2024-03-01\"}"), 403);
        assertProblem(client.post(null, base + "/signature", "{\"signedOn\":\"2024-03-01\"}"), 401);
        assertProblem(
                client.post(US_SECRETARIAT, base + "/signature", "{\"signedOn\":\"2024-03-01\"}", "If-Match", "\"7\""),
                412);
        assertProblem(client.get(VIEWER, "/api/commitments/no-such-commitment"), 404);

        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    @Test
    void acceptsAWriteWhoseIfMatchIsCurrent() {
        client.post(US_SECRETARIAT, "/api/commitments", mou("semi-if-match-mou"));

        Response signed = client.post(
                US_SECRETARIAT,
                "/api/commitments/semi-if-match-mou/signature",
                "{\"signedOn\":\"2024-03-01\"}",
                "If-Match",
                "\"0\"");

        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.json().get("version").asLong()).isEqualTo(1);
    }

    static String mou(String id) {
        return """
                {"commitmentId":"%s","area":"QUANTUM","kind":"MOU","titleEn":"Test MOU %s",
                 "titleKo":"시험 양해각서","parties":[
                   {"nameEn":"NIST","nameKo":"미국 국립표준기술연구소","country":"US","role":"SIGNATORY"},
                   {"nameEn":"KRISS","nameKo":"한국표준과학연구원","country":"ROK","role":"SIGNATORY"}],
                 "sourceCitation":"test","announcedOn":"2024-01-10"}
                """.formatted(id, id);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static int totalCommitments(JsonNode areas) {
        int total = 0;
        for (JsonNode area : areas) {
            total += area.get("commitmentCount").asInt();
        }
        return total;
    }

    private static int launchedIn(JsonNode area) {
        return area.at("/byStatus/LAUNCHED").asInt(0);
    }

    private static JsonNode fundingLine(String commitmentId) {
        for (JsonNode line : client.get(VIEWER, "/api/funding").json().get("byLine")) {
            if (line.get("commitmentId").asText().equals(commitmentId)) {
                return line;
            }
        }
        return null;
    }
}
