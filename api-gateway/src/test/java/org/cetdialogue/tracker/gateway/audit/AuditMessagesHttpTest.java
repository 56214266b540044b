package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerConfigurations.FREQUENT_CHECKPOINTS;
import static org.cetdialogue.tracker.support.TrackerConfigurations.SMALL_EXPORT_PAGES;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cetdialogue.tracker.api.audit.ExportPage;
import org.cetdialogue.tracker.api.audit.FindExportPageQuery;
import org.cetdialogue.tracker.query.audit.export.CloudEventsExport;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit endpoints as messages, through the running application. The read side refuses audit commands with a
 * refusal of the contract, carried across the command bus; the gateway answers with the status and problem body the
 * audit API has always given. The export is streamed as pages of {@link FindExportPageQuery} (three events each
 * here): the response has the same lines as the history read in one page, and only the last page ends with a
 * checkpoint signed at export time.
 */
@SharedTracker({FREQUENT_CHECKPOINTS, SMALL_EXPORT_PAGES})
class AuditMessagesHttpTest {

    private static final String ID = "quantum-audit-messages-mou";
    private static final String EXPORT_CHECKPOINT = "-export\"";

    private static RunningTracker tracker;
    private static TrackerClient client;

    @BeforeAll
    static void recordAndChain(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
        AuditFixtures.proposeSignPledgeAndCorrect(client, ID);
        AuditFixtures.awaitChained(tracker);
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
                .startsWith("projection must be one of [")
                .contains("history")
                .endsWith("] or all, not no-such-projection");
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

    @Test
    void pagesOfThreeGiveTheLinesOfOnePage() {
        List<String> inOnePage = tracker.bean(CloudEventsExport.class)
                .handle(new FindExportPageQuery(-1, null, FindExportPageQuery.MAX_LIMIT))
                .lines();

        TrackerClient.Response export = client.get(AUDITOR, "/api/audit/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<String> paged = export.body().lines().toList();

        assertThat(paged.size()).isGreaterThan(3 * 3);
        assertThat(withoutExportCheckpoint(paged)).isEqualTo(withoutExportCheckpoint(inOnePage));
        assertThat(exportCheckpoints(paged))
                .isEqualTo(exportCheckpoints(inOnePage))
                .isLessThanOrEqualTo(1);
        assertThat(paged.get(paged.size() - 1).contains(EXPORT_CHECKPOINT))
                .isEqualTo(inOnePage.get(inOnePage.size() - 1).contains(EXPORT_CHECKPOINT));
    }

    @Test
    void aPageEndsAtItsLimitAndNamesTheNextCursor() {
        CloudEventsExport export = tracker.bean(CloudEventsExport.class);
        ExportPage first = export.handle(new FindExportPageQuery(-1, null, 3));
        ExportPage second = export.handle(new FindExportPageQuery(first.next(), null, 3));

        assertThat(first.next()).isNotNull();
        assertThat(first.lines()).noneMatch(line -> line.contains(EXPORT_CHECKPOINT));
        assertThat(second.lines().get(0)).doesNotContain("ChainCheckpoint");
        assertThat(second.lines().get(0)).doesNotContain("\"globalindex\":" + first.next() + ",");
    }

    private static long exportCheckpoints(List<String> lines) {
        return lines.stream().filter(line -> line.contains(EXPORT_CHECKPOINT)).count();
    }

    private static List<String> withoutExportCheckpoint(List<String> lines) {
        return lines.stream().filter(line -> !line.contains(EXPORT_CHECKPOINT)).toList();
    }
}
