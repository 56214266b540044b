package org.cetdialogue.tracker.gateway.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TokenOwner;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-your-writes with two trackers on one PostgreSQL database, each holding some of a projection's segments: a read
 * on one instance with the position of a write made on the other shows that write (200 within the bound, not 503),
 * because the segments the reading instance does not hold count by the shared token store. PostgreSQL only.
 */
class ReadYourWritesAcrossInstancesHttpTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aReadOnOneInstanceWithThePositionOfAWriteOnTheOtherShowsTheWrite() {
        assumeTrue(TestDatabase.isPostgres(), "instances share a database only on PostgreSQL");
        try (RunningTracker a = RunningTracker.start(dataDirectory, TokenOwner.with("instance-a"));
                RunningTracker b = RunningTracker.start(dataDirectory, TokenOwner.with("instance-b"))) {
            splitSegments(a, b);
            List<String> ids = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                String id = "ryw-two-instances-" + c + "-mou";
                ids.add(id);
                Written proposed = written(a.client().post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id)), 201);
                Response first = read(b, id, proposed.position());
                assertThat(first.header("ETag")).isEqualTo("\"0\"");
            }
            for (int i = 0; i < 24; i++) {
                String id = ids.get(i % ids.size());
                RunningTracker writer = i % 2 == 0 ? a : b;
                RunningTracker reader = writer == a ? b : a;
                String description = "Written on one instance, read on the other " + i;
                Written write = written(
                        writer.client()
                                .post(US_SECRETARIAT, "/api/commitments/" + id + "/milestones", milestone(description)),
                        200);

                Response view = read(reader, id, write.position());

                assertThat(view.header("ETag")).as("read %d", i).isEqualTo("\"" + write.version() + "\"");
                JsonNode body = view.json();
                assertThat(body.get("version").asLong()).isEqualTo(write.version());
                List<String> descriptions = new ArrayList<>();
                body.get("milestones")
                        .forEach(m -> descriptions.add(m.get("description").asText()));
                assertThat(descriptions).as("read %d", i).contains(description);
            }
            assertThat(held(a)).as("still split after the writes").isNotEmpty();
            assertThat(held(b)).as("still split after the writes").isNotEmpty();
        }
    }

    /**
     * A claims every segment when it starts first; it hands two of them over, and B claims them. Axon's pooled
     * processor does not balance on its own.
     */
    private static void splitSegments(RunningTracker a, RunningTracker b) {
        await().atMost(Duration.ofSeconds(30)).until(() -> held(a).size() + held(b).size() == 4);
        StreamingEventProcessor onA = processor(a);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Set<Integer> heldByA = held(a);
                    if (heldByA.size() > 2) {
                        heldByA.stream().skip(2).forEach(onA::releaseSegment);
                    }
                    return !held(b).isEmpty() && !held(a).isEmpty();
                });
    }

    private static Set<Integer> held(RunningTracker tracker) {
        return processor(tracker).processingStatus().keySet();
    }

    private static StreamingEventProcessor processor(RunningTracker tracker) {
        return tracker.bean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.COMMITMENT_VIEW, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static Response read(RunningTracker tracker, String id, long position) {
        Response response = tracker.client().get(VIEWER, "/api/commitments/" + id + "?minPosition=" + position);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(Long.parseLong(response.header(FreshnessHeaders.POSITION))).isGreaterThanOrEqualTo(position);
        return response;
    }

    private static String milestone(String description) {
        return "{\"description\":\"" + description + "\",\"achievedOn\":\"2024-06-20\"}";
    }

    private static Written written(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode body = response.json();
        return new Written(body.get("version").asLong(), body.get("position").asLong());
    }

    private record Written(long version, long position) {}
}
