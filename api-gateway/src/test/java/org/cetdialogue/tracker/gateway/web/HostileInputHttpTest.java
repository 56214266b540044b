package org.cetdialogue.tracker.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
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

    private static final String MILESTONES = "/api/commitments/" + ID + "/milestones";
    private static final String MILESTONE = "{\"description\":\"d\",\"achievedOn\":\"2024-06-20\"}";

    @ParameterizedTest
    @ValueSource(
            strings = {
                MILESTONE + " xyz",
                MILESTONE + "}",
                MILESTONE + MILESTONE,
                MILESTONE + "\n" + MILESTONE,
                MILESTONE + " 1",
                MILESTONE + "[]",
                MILESTONE + "null",
                MILESTONE + "\"\""
            })
    void aBodyIsExactlyOneJsonValue(String body) {
        assertRefused(client.post(US_SECRETARIAT, MILESTONES, body), 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"description\":\"a\",\"achievedOn\":\"2024-06-20\",\"description\":null}",
                "{\"description\":\"a\",\"achievedOn\":\"2024-06-20\",\"description\":\"b\"}",
                "{\"description\":\"a\",\"achievedOn\":\"2024-06-20\",\"achievedOn\":\"2024-06-21\"}",
                "{\"description\":null,\"description\":\"a\",\"achievedOn\":\"2024-06-20\"}"
            })
    void aDuplicateKeyAnswers400NamingIt(String body) {
        Response response = client.post(US_SECRETARIAT, MILESTONES, body);
        assertRefused(response, 400);
        assertThat(response.json().get("detail").asText()).contains("appears twice");
    }

    @Test
    void aDuplicateKeyInANestedObjectAnswers400() {
        String body = Bodies.mou("quantum-hostile-duplicate")
                .replace("\"country\":\"US\"", "\"country\":\"US\",\"country\":null");
        assertRefused(client.post(US_SECRETARIAT, "/api/commitments", body), 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"area\":1",
                "\"area\":\"1\"",
                "\"kind\":0",
                "\"kind\":\"0\"",
                "\"kind\":\" MOU\"",
                "\"kind\":\"MOU \"",
                "\"kind\":\"MOU\\u0000\"",
                "\"kind\":\"MOU\\u0000\\u0000\"",
                "\"kind\":\"mou\"",
                "\"kind\":\"\"",
                "\"kind\":true",
                "\"area\":1.0"
            })
    void anEnumIsItsExactNameAsAString(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String body = Bodies.mou("quantum-hostile-enum")
                .replaceFirst("\"" + name + "\":\"[A-Z]+\"", java.util.regex.Matcher.quoteReplacement(field));
        assertThat(body).contains(field);
        Response response = client.post(US_SECRETARIAT, "/api/commitments", body);
        assertRefused(response, 400);
        assertThat(response.json().get("detail").asText()).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"country\":0", "\"country\":\"US \"", "\"role\":1", "\"role\":\"SIGNATORY\\u0000\""})
    void anEnumInAPartyIsItsExactName(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String body = Bodies.mou("quantum-hostile-party")
                .replaceFirst("\"" + name + "\":\"[A-Z]+\"", java.util.regex.Matcher.quoteReplacement(field));
        assertThat(body).contains(field);
        assertRefused(client.post(US_SECRETARIAT, "/api/commitments", body), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "\"IMPLEMENTING \"", "\"implementing\""})
    void aStatusChangeIsItsExactName(String change) {
        assertRefused(
                client.post(
                        US_SECRETARIAT,
                        "/api/commitments/" + ID + "/status",
                        "{\"change\":" + change + ",\"effectiveOn\":\"2024-05-01\"}"),
                400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "0", "1", "\"\"", "\"true\"", "\"false\"", "1.5", "[]", "{}"})
    void lowerBoundIsABoolean(String lowerBound) {
        String body = Bodies.pledge("\"100\"", "\"USD\"").replace("{", "{\"lowerBound\":" + lowerBound + ",");
        Response response = client.post(US_SECRETARIAT, PLEDGES, body);
        assertRefused(response, 400);
        assertThat(response.json().get("detail").asText()).contains("lowerBound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "\"\"", "true", "0.5", "1e0"})
    void aSequenceNumberIsAJsonInteger(String sequence) {
        assertRefused(
                client.post(
                        US_SECRETARIAT,
                        "/api/commitments/" + ID + "/corrections",
                        "{\"correctedSequence\":" + sequence + ",\"reason\":\"r\",\"titleEn\":\"T\"}"),
                400);
    }

    @ParameterizedTest
    @FieldSource("org.cetdialogue.tracker.gateway.web.HostileRequestPropertiesTest#FAR_DATES")
    void aDateIsExactlyFourDigitsOfYearInTheDocumentedRange(String date) {
        Response response =
                client.post(US_SECRETARIAT, MILESTONES, "{\"description\":\"x\",\"achievedOn\":\"" + date + "\"}");
        assertRefused(response, 400);
        assertThat(response.json().get("detail").asText())
                .contains("achievedOn")
                .contains("yyyy-MM-dd from 1900-01-01 to 9999-12-31");
    }

    @Test
    void theEdgesOfTheDateRangeAreDates() {
        String body = "{\"funder\":\"NIST\",\"amount\":\"1\",\"currency\":\"USD\",\"valueDate\":\"9999-12-31\"}";
        assertThat(client.post(US_SECRETARIAT, PLEDGES, body).status()).isBetween(200, 299);
        Response early =
                client.post(US_SECRETARIAT, MILESTONES, "{\"description\":\"edge\",\"achievedOn\":\"1900-01-01\"}");
        assertThat(early.status()).as(early.toString()).isBetween(200, 299);
        assertThat(tracker.storedEvents()).isEqualTo(stored + 2);
    }

    @ParameterizedTest
    @FieldSource("org.cetdialogue.tracker.gateway.web.HostileRequestPropertiesTest#LOOSE_AMOUNTS")
    void anAmountFollowsTheDecimalGrammar(String amount) {
        Response response = client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge(amount, "\"USD\""));
        assertRefused(response, 400);
        assertThat(response.json().get("detail").asText()).contains("amount").contains("decimal");
    }

    @Test
    void amountsInTheGrammarAreReadAsStringsOrNumbers() {
        for (String amount : new String[] {"\"2500000.50\"", "2500000.5", "7", "\"0.25\"", "\"999999999999999.99\""}) {
            Response response = client.post(US_SECRETARIAT, PLEDGES, Bodies.pledge(amount, "\"USD\""));
            assertThat(response.status()).as(amount + " -> " + response).isBetween(200, 299);
        }
        assertThat(tracker.storedEvents()).isEqualTo(stored + 5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u200b",
                "\u200b\u200c\u200d\u2060\ufeff",
                "\u00a0",
                "\u3000",
                "\u3164",
                "\u115f\u1160",
                "\u2800",
                "\u202e\u202d",
                "\u2028\u2029",
                " \u200b \u00a0 ",
                "\u180e"
            })
    void textMadeOnlyOfInvisibleCharactersIsBlank(String invisible) {
        String json = quote(invisible);
        Response response =
                client.post(US_SECRETARIAT, MILESTONES, "{\"description\":" + json + ",\"achievedOn\":\"2024-06-20\"}");
        assertRefused(response, 400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("description");
        assertRefused(
                client.post(
                        US_SECRETARIAT,
                        PLEDGES,
                        "{\"funder\":" + json + ",\"amount\":\"5\",\"currency\":\"USD\",\"valueDate\":\"2024-05-01\"}"),
                400);
        assertRefused(
                client.post(
                        US_SECRETARIAT,
                        "/api/commitments",
                        Bodies.mou("quantum-hostile-invisible")
                                .replace("\"Test MOU quantum-hostile-invisible\"", json)),
                400);
        assertRefused(
                client.post(
                        US_SECRETARIAT,
                        "/api/commitments/" + ID + "/corrections",
                        "{\"correctedSequence\":0,\"reason\":\"r\",\"titleKo\":" + json + "}"),
                400);
    }

    @Test
    void textWithAVisibleCharacterAmongInvisibleOnesIsText() {
        Response response = client.post(
                US_SECRETARIAT, MILESTONES, "{\"description\":\"\u200b\ud55c\u200b\",\"achievedOn\":\"2024-06-20\"}");
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    /** Header values with bytes outside ASCII, which the JDK's client refuses to send, on every header the API reads. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "X-Correlation-Id|caf\u00c3\u00a9",
                "X-Correlation-Id|\u0080\u009f",
                "X-Correlation-Id|abc\u00ff",
                "If-Match|\"1\u00c3\u00a9\"",
                "If-Match|\u00e2\u0080\u009c1\u00e2\u0080\u009d",
                "If-Match|\"\u0085\"",
                "Idempotency-Key|key-\u00c3\u00a9",
                "Idempotency-Key|\u00a0",
                "Content-Type|application/json; charset=\u00c3\u00a9",
                "Content-Type|application/\u00c3\u00a9json",
                "Accept|application/\u00c3\u00a9"
            })
    void nonAsciiBytesInAHeaderAnswer400(String header) {
        RawHttp.Answer answer = writeWithRawHeader(US_SECRETARIAT, header);
        assertThat(answer.status()).as(header + " -> " + answer).isEqualTo(400);
        assertThat(answer.isProblem()).as(header + " -> " + answer).isTrue();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    /** Credentials with bytes outside ASCII: refused as a 400 or 401 problem, never a 5xx, nothing stored. */
    @ParameterizedTest
    @ValueSource(strings = {"Basic dXM\u0085=", "Basic \u00c3\u00a9", "Bearer \u0085", "Basic \u0080\u009f"})
    void nonAsciiBytesInCredentialsAreRefusedAsProblems(String authorization) {
        RawHttp.Answer answer = writeWithRawHeader(null, "Authorization|" + authorization);
        assertThat(answer.status()).as(authorization + " -> " + answer).isIn(400, 401);
        assertThat(answer.isProblem()).as(authorization + " -> " + answer).isTrue();
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }

    /**
     * A stray session cookie or an {@code Origin} with bytes outside ASCII beside HTTP Basic credentials: the write is
     * authenticated by its credentials and these headers are not read for it, so it is answered as usual, never 5xx.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cookie|TRACKER_SESSION=\u00c3\u00a9",
                "Cookie|TRACKER_SESSION=\u0085",
                "Origin|http://\u00c3\u00a9.example",
                "Origin|http://\u0085"
            })
    void nonAsciiBytesInHeadersTheWriteDoesNotReadNeverAnswer5xx(String header) {
        RawHttp.Answer answer = writeWithRawHeader(US_SECRETARIAT, header);
        assertThat(answer.status()).as(header + " -> " + answer).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.isProblem()).as(header + " -> " + answer).isTrue();
            assertThat(tracker.storedEvents()).isEqualTo(stored);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1\u00c3\u00a9", "\u0085", "\u00bd", "\u0661"})
    void nonAsciiBytesInLastEventIdAnswer400(String value) {
        RawHttp.Answer answer = raw().send(
                        US_SECRETARIAT,
                        "GET",
                        "/api/stream/activity",
                        null,
                        "Last-Event-ID",
                        value.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    /** A milestone written as {@code user} with {@code header}, given as {@code Name|value}, its value's chars as bytes. */
    private static RawHttp.Answer writeWithRawHeader(Map<String, String> user, String header) {
        String[] parts = header.split("\\|", 2);
        return raw().send(
                        user, "POST", MILESTONES, MILESTONE, parts[0], parts[1].getBytes(StandardCharsets.ISO_8859_1));
    }

    private static RawHttp raw() {
        return new RawHttp(client.baseUrl());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    private void assertRefused(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }
}
