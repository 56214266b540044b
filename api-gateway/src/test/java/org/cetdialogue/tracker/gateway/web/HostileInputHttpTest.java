package org.cetdialogue.tracker.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed and hostile requests through the running tracker: each a 4xx problem, never a 5xx, nothing stored. */
@SharedTracker
class HostileInputHttpTest {

    private static final String ID = "quantum-hostile-input-mou";
    private static final String PLEDGES = "/api/commitments/" + ID + "/funding/pledges";

    static RunningTracker tracker;
    static TrackerClient client;
    long stored;

    @BeforeAll
    static void connect(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
        assertThat(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(ID))
                        .status())
                .isEqualTo(201);
    }

    @BeforeEach
    void countEvents() {
        stored = tracker.storedEvents();
    }

    @Test
    void aTenMebibyteBodyAnswers413AndStoresNothing() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';

        assertRefused(client.postBytes(US_SECRETARIAT, PLEDGES, huge, false), 413);
        assertRefused(client.postBytes(US_SECRETARIAT, PLEDGES, huge, true), 413);
    }

    @Test
    void aNegativeAmountAnswers400AndStoresNothing() {
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, "{\"amount\": -5}"), 400);
    }

    @Test
    void invalidUtf8Answers400() {
        byte[] body = "{\"funder\":\"NIST\u00ff\",\"amount\":\"5\",\"currency\":\"USD\",\"valueDate\":\"2024-05-01\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(client.postBytes(US_SECRETARIAT, PLEDGES, body, false), 400);
    }

    @Test
    void jsonTooDeepOrTooLongAnswers400() {
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, "[".repeat(5000) + "]".repeat(5000)), 400);
        assertRefused(
                client.post(US_SECRETARIAT, PLEDGES, "{\"funder\":" + "[".repeat(40) + "]".repeat(40) + "}"), 400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge("1" + "0".repeat(60), "\"USD\"")), 400);
        assertRefused(
                client.post(
                        US_SECRETARIAT,
                        PLEDGES,
                        "{\"funder\":\"" + "x".repeat(20_000) + "\",\"amount\":1,\"currency\":\"USD\","
                                + "\"valueDate\":\"2024-05-01\"}"),
                400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, "{\"" + "k".repeat(300) + "\":1}"), 400);
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAnswer400() {
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, "{\"funder\":"), 400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, "not json"), 400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, ""), 400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge("\"five\"", "\"USD\"")), 400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge("[1]", "\"USD\"")), 400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge("true", "\"USD\"")), 400);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, "{\"funder\":\"NIST\",\"surprise\":1}"), 400);
        assertRefused(
                client.postBytes(
                        US_SECRETARIAT,
                        PLEDGES,
                        Bodies.pledge("1", "\"USD\"").getBytes(StandardCharsets.UTF_8),
                        false,
                        "Content-Type",
                        "text/plain"),
                415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"0.00\"", "\"1e400\"", "\"12345678901234567890\"", "\"1.23456\""})
    void absurdAmountsAreRefused(String amount) {
        Response response = client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge(amount, "\"USD\""));
        assertThat(response.status()).as(response.toString()).isIn(400, 422);
        assertRefused(response, response.status());
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAnswers422() {
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge("\"1000.5\"", "\"KRW\"")), 422);
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge("\"10.001\"", "\"USD\"")), 422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"usd\"", "\"XYZ\"", "\"US$\"", "\"krw\""})
    void unknownOrLowerCaseCurrenciesAnswer422(String currency) {
        assertRefused(client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge("\"100\"", currency)), 422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2024-13-01", "24-01-01", "2024/01/01", "yesterday", "2024-01-01T00:00:00"})
    void impossibleOrMalformedDatesAnswer400(String date) {
        assertRefused(
                client.post(
                        US_SECRETARIAT,
                        "/api/commitments/" + ID + "/milestones",
                        "{\"description\":\"x\",\"achievedOn\":\"" + date + "\"}"),
                400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..%2F..%2Fetc",
                "%2e%2e",
                "a%00b",
                "a%0Ab",
                "a%0D%0Ab",
                "ABC",
                "a;b",
                "a%3Bb",
                "%25252e",
                "a%5Cb",
                "%C3%A9t%C3%A9",
                "xx",
                "-leading-hyphen"
            })
    void idsWithPathTricksOrControlCharactersAnswer400Or404(String id) {
        Response response = client.post(
                US_SECRETARIAT,
                "/api/commitments/" + id + "/milestones",
                "{\"description\":\"x\",\"achievedOn\":\"2024-01-01\"}");
        assertThat(response.status()).as(id + " -> " + response).isIn(400, 404);
        assertRefused(response, response.status());
    }

    @Test
    void proposingAnExistingIdAnswers409() {
        Response again = client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(ID));
        assertRefused(again, 409);
        assertThat(again.json().get("rule").asText()).isEqualTo("COMMITMENT_EXISTS");
    }

    @Test
    void datesAreStringsOnly() {
        for (String date : new String[] {"[2024,6,20]", "19000", "{\"year\":2024}", "true"}) {
            assertRefused(
                    client.post(
                            US_SECRETARIAT,
                            "/api/commitments/" + ID + "/milestones",
                            "{\"description\":\"x\",\"achievedOn\":" + date + "}"),
                    400);
        }
    }

    @Test
    void aNumberOrABooleanWhereTextIsExpectedAnswers400() {
        for (String value : new String[] {"1.5", "7", "true"}) {
            assertRefused(
                    client.post(
                            US_SECRETARIAT,
                            "/api/commitments/" + ID + "/milestones",
                            "{\"description\":" + value + ",\"achievedOn\":\"2024-06-20\"}"),
                    400);
        }
    }

    @Test
    void malformedHeadersAnswer400() {
        String body = "{\"description\":\"x\",\"achievedOn\":\"2024-01-01\"}";
        String path = "/api/commitments/" + ID + "/milestones";
        assertRefused(client.post(US_SECRETARIAT, path, body, "If-Match", "seven"), 400);
        assertRefused(client.post(US_SECRETARIAT, path, body, "If-Match", "\"99999999999999999999\""), 400);
        assertRefused(client.post(US_SECRETARIAT, path, body, "X-Correlation-Id", "<script>"), 400);
        assertRefused(client.post(US_SECRETARIAT, path, body, "Idempotency-Key", "key with spaces"), 400);
    }

    @Test
    void unknownRoutesAreRefusedAsProblems() {
        assertRefused(client.get(US_SECRETARIAT, "/no/such/route"), 403);
        assertRefused(client.get(null, "/no/such/route"), 401);
        assertRefused(client.get(US_SECRETARIAT, "/error"), 403);
        assertRefused(client.get(US_SECRETARIAT, "/h2-console"), 403);
        assertRefused(client.get(US_SECRETARIAT, "/actuator/env"), 403);
        assertRefused(client.get(null, "/actuator/info"), 401);
        assertRefused(client.get(US_SECRETARIAT, "/api/commitments/" + ID + "/no-such-thing"), 404);
        assertRefused(client.post(US_SECRETARIAT, "/api/commitments/" + ID + "/no-such-thing", "{}"), 404);
        assertThat(client.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    private void assertRefused(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }
}
