package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.ROK_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the secretariat writes, and every stored event names the caller who recorded it, never the request body. */
@SharedTracker
class AuthorIsThePrincipalHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void connect(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
    }

    @Test
    void aViewersOrAuditorsWriteAnswers403AndStoresNothing() {
        long stored = tracker.storedEvents();

        for (var reader : List.of(VIEWER, AUDITOR)) {
            Response refused = client.post(reader, "/api/commitments", Bodies.mou("ai-viewer-write-mou"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        Response anonymous = client.post(null, "/api/commitments", Bodies.mou("ai-viewer-write-mou"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();

        assertThat(tracker.storedEvents()).isEqualTo(stored);
        assertThat(client.get(VIEWER, "/api/commitments/ai-viewer-write-mou").status())
                .isEqualTo(404);
    }

    @Test
    void storedEventsNameTheCallerAndTheirSide() throws IOException {
        String id = "battery-author-mou";
        assertThat(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id))
                        .status())
                .isEqualTo(201);
        assertThat(client.post(
                                ROK_SECRETARIAT,
                                "/api/commitments/" + id + "/signature",
                                "{\"signedOn\":\"2024-03-01\"}")
                        .status())
                .isEqualTo(200);

        List<byte[]> metadata = tracker.jdbc()
                .query(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " ORDER BY sequence_number",
                        (rs, i) -> rs.getBytes(1),
                        id);
        assertThat(metadata).hasSize(2);
        JsonNode proposed = JSON.readTree(metadata.get(0));
        JsonNode signed = JSON.readTree(metadata.get(1));
        assertThat(proposed.get("username").asText()).isEqualTo("us-secretariat");
        assertThat(proposed.get("side").asText()).isEqualTo("US");
        assertThat(proposed.get("roles").asText()).isEqualTo("SECRETARIAT");
        assertThat(signed.get("username").asText()).isEqualTo("rok-secretariat");
        assertThat(signed.get("side").asText()).isEqualTo("ROK");

        JsonNode history = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.get(AUDITOR, "/api/commitments/" + id + "/history")
                                .json()
                                .path("entries"),
                        entries -> entries.size() == 2);
        assertThat(history.get(0).get("actor").asText()).isEqualTo("us-secretariat");
        assertThat(history.get(0).get("side").asText()).isEqualTo("US");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("rok-secretariat");
        assertThat(history.get(1).get("side").asText()).isEqualTo("ROK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"author", "timestamp", "eventId", "version", "username", "side", "recordedAt"})
    void aBodyThatSetsAuditFieldsAnswers400AndStoresNothing(String field) {
        String id = "semi-audit-field-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id));
        long stored = tracker.storedEvents();

        String proposal = Bodies.mou("semi-audit-field-" + field.toLowerCase())
                .replaceFirst("\\{", "{\"" + field + "\":\"mallory\",");
        Response propose = client.post(US_SECRETARIAT, "/api/commitments", proposal);
        Response sign = client.post(
                US_SECRETARIAT,
                "/api/commitments/" + id + "/signature",
                "{\"signedOn\":\"2024-03-01\",\"" + field + "\":\"7\"}");

        for (Response refused : List.of(propose, sign)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("detail").asText()).contains(field);
        }
        assertThat(tracker.storedEvents()).isEqualTo(stored);
    }
}
