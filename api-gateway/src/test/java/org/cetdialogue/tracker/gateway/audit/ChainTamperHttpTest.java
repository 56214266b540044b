package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerConfigurations.FREQUENT_CHECKPOINTS;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.cetdialogue.tracker.support.InMemoryEventStorage;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampering with the stored events directly in SQL — a flipped byte, a deleted event, two events swapped — is found
 * by the verify endpoint, which names the first bad position; an untouched store verifies clean. Each test restores
 * the store afterwards, and checks that it verifies intact again: the tracker is shared with the export test.
 */
@SharedTracker(FREQUENT_CHECKPOINTS)
class ChainTamperHttpTest {

    private static RunningTracker tracker;
    private static TrackerClient client;
    private static JdbcTemplate sql;

    @BeforeAll
    static void start(RunningTracker shared) {
        Assumptions.assumeFalse(
                InMemoryEventStorage.selected(), "tampering needs a store with tables (the in-memory engine has none)");
        assumeFalse(
                TestDatabase.isPostgres(),
                "PostgreSQL refuses the tampering itself (append-only triggers; see PostgresAppendOnlyTest)");
        tracker = shared;
        client = shared.client();
        sql = tracker.jdbc();
        AuditFixtures.proposeSignPledgeAndCorrect(client, "quantum-tamper-mou");
        long stored = tracker.storedEvents();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> verification().get("checkedEvents").asLong() == stored);
    }

    @AfterEach
    void untouchedAgain() {
        assertIntact();
    }

    @Test
    void anUntouchedStoreVerifiesClean() {
        JsonNode result = assertIntact();
        assertThat(result.get("checkedEvents").asLong()).isEqualTo(tracker.storedEvents());
        assertThat(result.get("checkpoints").asLong()).isPositive();
        assertThat(result.get("headHash").asText()).hasSize(64);
    }

    @Test
    void aFlippedByteInAPayloadIsNamed() {
        long position = globalIndexAt(7);
        byte[] payload = sql.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, position);
        byte[] tampered = payload.clone();
        tampered[tampered.length / 2] ^= 0x01;
        sql.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", tampered, position);
        try {
            assertBreak(position, "CHANGED");
        } finally {
            sql.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, position);
        }
    }

    @Test
    void aDeletedEventIsNamed() {
        long position = globalIndexAt(9);
        Map<String, Object> row = sql.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", position);
        sql.update("DELETE FROM domain_event_entry WHERE global_index = ?", position);
        try {
            assertBreak(position, "DELETED");
        } finally {
            sql.update(
                    "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("global_index"),
                    row.get("aggregate_identifier"),
                    row.get("sequence_number"),
                    row.get("type"),
                    row.get("event_identifier"),
                    row.get("meta_data"),
                    row.get("payload"),
                    row.get("payload_revision"),
                    row.get("payload_type"),
                    row.get("time_stamp"));
        }
    }

    @Test
    void twoSwappedEventsAreNamedAtTheFirst() {
        long first = globalIndexAt(4);
        long second = globalIndexAt(6);
        swap(first, second);
        try {
            assertBreak(first, "CHANGED");
        } finally {
            swap(first, second);
        }
    }

    @Test
    void aCheckpointWhoseSignatureWasAlteredIsNamedWithItsKeyOnce() {
        Map<String, Object> checkpoint = firstCheckpoint();
        String signature = (String) checkpoint.get("signature");
        byte[] altered = Base64.getDecoder().decode(signature);
        altered[altered.length - 1] ^= 0x01;
        setCheckpoint(checkpoint, "signature", Base64.getEncoder().encodeToString(altered));
        try {
            JsonNode result = assertBreak(checkpointGlobalIndex(checkpoint), "BAD_CHECKPOINT");
            String keyId = trackerKeyId();
            assertThat(result.at("/firstBreak/detail").asText())
                    .contains("signature does not verify")
                    .containsOnlyOnce(keyId);
            assertThat(result.get("checkpoints").asLong()).isZero();
        } finally {
            setCheckpoint(checkpoint, "signature", signature);
        }
    }

    @Test
    void aCheckpointNamingAnotherKeyIsNamedWithTheExpectedAndTheFoundKey() {
        Map<String, Object> checkpoint = firstCheckpoint();
        String keyId = (String) checkpoint.get("key_id");
        setCheckpoint(checkpoint, "key_id", "0123456789abcdef");
        try {
            JsonNode result = assertBreak(checkpointGlobalIndex(checkpoint), "BAD_CHECKPOINT");
            assertThat(result.at("/firstBreak/detail").asText())
                    .contains("names signing key 0123456789abcdef, not this tracker's key " + trackerKeyId());
        } finally {
            setCheckpoint(checkpoint, "key_id", keyId);
        }
    }

    private static Map<String, Object> firstCheckpoint() {
        return sql.queryForMap("SELECT checkpoint_id, chain_position, signature, key_id FROM chain_checkpoint"
                + " ORDER BY chain_position, checkpoint_id LIMIT 1");
    }

    private static long checkpointGlobalIndex(Map<String, Object> checkpoint) {
        return globalIndexAt(((Number) checkpoint.get("chain_position")).longValue());
    }

    private static void setCheckpoint(Map<String, Object> checkpoint, String column, String value) {
        sql.update(
                "UPDATE chain_checkpoint SET " + column + " = ? WHERE checkpoint_id = ?",
                value,
                checkpoint.get("checkpoint_id"));
    }

    private static String trackerKeyId() {
        String keyId = client.get(AUDITOR, "/api/audit/public-key").header("X-Key-Id");
        assertThat(keyId).hasSize(16);
        return keyId;
    }

    private static void swap(long first, long second) {
        sql.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
        sql.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        sql.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);
    }

    private static long globalIndexAt(long chainPosition) {
        return sql.queryForObject(
                "SELECT global_index FROM event_chain WHERE chain_position = ?", Long.class, chainPosition);
    }

    private static JsonNode assertBreak(long position, String problem) {
        JsonNode result = verification();
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.at("/firstBreak/globalIndex").asLong())
                .as(result.toString())
                .isEqualTo(position);
        assertThat(result.at("/firstBreak/problem").asText()).isEqualTo(problem);
        assertThat(result.at("/firstBreak/detail").asText()).contains(Long.toString(position));
        assertHeadNamedTwiceAlike(result);
        return result;
    }

    private static JsonNode assertIntact() {
        JsonNode result = verification();
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("firstBreak").isNull()).isTrue();
        assertHeadNamedTwiceAlike(result);
        return result;
    }

    /** headPosition and headGlobalIndex name the same link: the event the chain holds at that position. */
    private static void assertHeadNamedTwiceAlike(JsonNode result) {
        long head = result.get("headPosition").asLong();
        assertThat(head)
                .as(result.toString())
                .isEqualTo(result.get("checkedEvents").asLong());
        if (head == 0) {
            assertThat(result.get("headGlobalIndex").isNull())
                    .as(result.toString())
                    .isTrue();
        } else {
            assertThat(result.get("headGlobalIndex").isIntegralNumber())
                    .as(result.toString())
                    .isTrue();
            assertThat(result.get("headGlobalIndex").asLong())
                    .as(result.toString())
                    .isEqualTo(globalIndexAt(head));
        }
    }

    private static JsonNode verification() {
        TrackerClient.Response response = client.get(AUDITOR, "/api/audit/verification");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
