package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cetdialogue.tracker.api.audit.ExportPage;
import org.cetdialogue.tracker.api.audit.FindExportPageQuery;
import org.cetdialogue.tracker.query.audit.export.CloudEventsExport;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway streams the export as pages of {@link FindExportPageQuery}: with pages of three events, the response has
 * the same lines as the history read in one page, and only the last page ends with a checkpoint signed at export time.
 */
class ExportPagesHttpTest {

    private static final String ID = "quantum-export-pages-mou";
    private static final String EXPORT_CHECKPOINT = "-export\"";

    @TempDir
    static Path dataDirectory;

    private static RunningTracker tracker;
    private static TrackerClient client;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start(
                dataDirectory, "tracker.audit.export-page-size=3", "tracker.audit.checkpoint-every=4");
        client = tracker.client();
        AuditFixtures.proposeSignPledgeAndCorrect(client, ID);
        long stored = tracker.storedEvents();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(AUDITOR, "/api/audit/verification")
                                .json()
                                .get("checkedEvents")
                                .asLong()
                        == stored);
    }

    @AfterAll
    static void stop() {
        tracker.close();
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
