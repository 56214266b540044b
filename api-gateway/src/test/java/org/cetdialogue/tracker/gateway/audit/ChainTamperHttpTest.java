package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerConfigurations.FREQUENT_CHECKPOINTS;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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

    private static void swap(long first, long second) {
        sql.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
        sql.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        sql.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);
    }

    private static long globalIndexAt(long chainPosition) {
        return sql.queryForObject(
                "SELECT global_index FROM event_chain WHERE chain_position = ?", Long.class, chainPosition);
    }

    private static void assertBreak(long position, String problem) {
        JsonNode result = verification();
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.at("/firstBreak/globalIndex").asLong())
                .as(result.toString())
                .isEqualTo(position);
        assertThat(result.at("/firstBreak/problem").asText()).isEqualTo(problem);
        assertThat(result.at("/firstBreak/detail").asText()).contains(Long.toString(position));
    }

    private static JsonNode assertIntact() {
        JsonNode result = verification();
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("firstBreak").isNull()).isTrue();
        return result;
    }

    private static JsonNode verification() {
        TrackerClient.Response response = client.get(AUDITOR, "/api/audit/verification");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
