package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read side refuses audit commands with a refusal of the contract, carried across the command bus; the gateway
 * answers with the status and problem body the audit API has always given.
 */
class AuditRefusalHttpTest {

    @TempDir
    static Path dataDirectory;

    private static RunningTracker tracker;
    private static TrackerClient client;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start(dataDirectory);
        client = tracker.client();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void aReplayOfAnUnknownProjectionIsABadRequestNamingTheProjections() {
        TrackerClient.Response refused =
                client.post(AUDITOR, "/api/audit/replays", "{\"projection\":\"no-such-projection\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.get("detail").asText())
                .isEqualTo("projection must be one of [commitment-view, area-status, funding-totals, history] or all,"
                        + " not no-such-projection");
    }

    @Test
    void aRetryOfAGroupWithoutADeadLetterQueueIsNotFoundNamingTheQueues() {
        TrackerClient.Response refused = client.post(AUDITOR, "/api/audit/dead-letters/no-such-group/retry", "");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("title").asText()).isEqualTo("Not found");
        assertThat(problem.get("detail").asText()).startsWith("no dead-letter queue for no-such-group; there are [");
    }

    @Test
    void aCheckpointIsSignedByCommandAndTheKeyFoundByQuery() {
        TrackerClient.Response key = client.get(AUDITOR, "/api/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.header("X-Key-Id")).isNotBlank();
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----");

        TrackerClient.Response first = client.post(AUDITOR, "/api/audit/checkpoints", "");
        TrackerClient.Response again = client.post(AUDITOR, "/api/audit/checkpoints", "");
        if (first.status() == 201) {
            assertThat(first.json().get("keyId").asText()).isEqualTo(key.header("X-Key-Id"));
        } else {
            assertThat(first.status()).isEqualTo(204);
        }
        assertThat(again.status()).isEqualTo(204);
    }
}
