package org.cetdialogue.tracker.gateway.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.ROK_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes through the running application: every write answers the global position of its own event
 * ({@code X-Event-Position} and {@code position}), and a read given that position ({@code minPosition} or {@code
 * X-Min-Position}) shows the write, with the ETag of the version the write answered.
 */
@SharedTracker
class ReadYourWritesHttpTest {

    private final TrackerClient client;
    private final RunningTracker tracker;

    ReadYourWritesHttpTest(TrackerClient client, RunningTracker tracker) {
        this.client = client;
        this.tracker = tracker;
    }

    @Test
    void aHundredWriteThenReadPairsEachReadShowsItsOwnWriteAndItsEtag() {
        String id = "ryw-hundred-pairs-mou";
        Written proposed = written(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id)), 201);
        Response first = read("/api/commitments/" + id, proposed.position(), true);
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        long previous = proposed.position();

        for (int i = 0; i < 100; i++) {
            String description = "Read-your-writes step " + i;
            // the ETag of the previous read makes the write conditional: it must be the version now stored
            Written write = written(
                    client.post(
                            US_SECRETARIAT,
                            "/api/commitments/" + id + "/milestones",
                            milestone(description),
                            "If-Match",
                            etag),
                    200);
            assertThat(write.version()).isEqualTo(i + 1);
            assertThat(write.position()).isGreaterThan(previous);
            previous = write.position();

            Response view = read("/api/commitments/" + id, write.position(), i % 2 == 0);

            assertThat(view.header("ETag")).as("read %d", i).isEqualTo("\"" + write.version() + "\"");
            JsonNode body = view.json();
            assertThat(body.get("version").asLong()).isEqualTo(write.version());
            assertThat(descriptions(body))
                    .as("read %d", i)
                    .contains(description)
                    .hasSize(i + 1);
            assertThat(Long.parseLong(view.header(FreshnessHeaders.POSITION))).isGreaterThanOrEqualTo(write.position());
            etag = view.header("ETag");
        }

        Response history = read("/api/commitments/" + id + "/history", previous, false);
        assertThat(history.json().get("entries")).hasSize(101);
    }

    @Test
    void aReadOfAWholeProjectionAfterAWriteShowsTheWriteThoughTheAnswerBeforeItWasKept() {
        String id = "ryw-funding-mou";
        written(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id)), 201);
        BigDecimal pledged = BigDecimal.ZERO;
        for (int i = 1; i <= 5; i++) {
            // read (and so keep) the totals, then pledge, then read with the pledge's position
            client.get(VIEWER, "/api/funding?area=QUANTUM");
            Written pledge = written(
                    client.post(
                            ROK_SECRETARIAT,
                            "/api/commitments/" + id + "/funding/pledges",
                            Bodies.pledge("\"" + i + "000.00\"", "\"USD\"")),
                    200);
            pledged = pledged.add(new BigDecimal(i + "000.00"));

            Response funding = read("/api/funding?area=QUANTUM", pledge.position(), i % 2 == 0);

            assertThat(pledgedOn(funding.json(), id)).as("pledge %d", i).isEqualByComparingTo(pledged);
            Response area = read("/api/areas/QUANTUM", pledge.position(), true);
            assertThat(area.status()).isEqualTo(200);
        }
    }

    @Test
    void concurrentWritersEachGetThePositionOfTheirOwnEvent() throws Exception {
        int writers = 6;
        int writesEach = 12;
        List<String> ids = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String id = "ryw-concurrent-" + w + "-mou";
            ids.add(id);
            written(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id)), 201);
        }
        // two writers share the last commitment: their sequence numbers interleave
        List<Callable<List<Written>>> tasks = new ArrayList<>();
        for (int w = 0; w <= writers; w++) {
            String id = ids.get(Math.min(w, writers - 1));
            int writer = w;
            tasks.add(() -> {
                List<Written> mine = new ArrayList<>();
                for (int i = 0; i < writesEach; i++) {
                    String description = "writer " + writer + " step " + i;
                    Written write = written(
                            client.post(
                                    writer % 2 == 0 ? US_SECRETARIAT : ROK_SECRETARIAT,
                                    "/api/commitments/" + id + "/milestones",
                                    milestone(description)),
                            200);
                    Response view = read("/api/commitments/" + id, write.position(), i % 2 == 0);
                    assertThat(descriptions(view.json())).contains(description);
                    assertThat(view.json().get("version").asLong()).isGreaterThanOrEqualTo(write.version());
                    mine.add(write);
                }
                return mine;
            });
        }
        List<Written> all = concurrently(tasks);

        Set<Long> positions = new HashSet<>();
        all.forEach(w -> positions.add(w.position()));
        assertThat(positions).hasSize(all.size());
        // each position is the one the event store gave that very event (its commitment and sequence number)
        for (Written write : all) {
            assertThat(tracker.jdbc()
                            .queryForMap(
                                    "SELECT aggregate_identifier, sequence_number FROM domain_event_entry"
                                            + " WHERE global_index = ?",
                                    write.position()))
                    .as(write.toString())
                    .containsEntry("aggregate_identifier", write.commitmentId())
                    .containsEntry("sequence_number", write.version());
        }
    }

    @Test
    void aProjectionThatDoesNotReachThePositionWithinTheBoundAnswers503WithRetryAfterAndWhereItIs() {
        String id = "ryw-behind-mou";
        written(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id)), 201);
        StreamingEventProcessor view = tracker.bean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.COMMITMENT_VIEW, StreamingEventProcessor.class)
                .orElseThrow();
        Written milestone;
        Response behind;
        try {
            view.shutDown();
            milestone = written(
                    client.post(
                            US_SECRETARIAT,
                            "/api/commitments/" + id + "/milestones",
                            milestone("Recorded while the view is stopped")),
                    200);

            behind = client.get(VIEWER, "/api/commitments/" + id + "?minPosition=" + milestone.position());
        } finally {
            view.start();
        }

        assertThat(behind.status()).as(behind.toString()).isEqualTo(503);
        assertThat(behind.isProblem()).isTrue();
        assertThat(behind.header("Retry-After")).isEqualTo("1");
        assertThat(behind.json().get("type").asText()).isEqualTo("urn:cet-tracker:problem:projection-behind");
        assertThat(behind.json().get("minPosition").asLong()).isEqualTo(milestone.position());
        // a stopped processor holds no segment: its position is unknown, so only the state is stamped
        assertThat(behind.header(FreshnessHeaders.STATE)).isNotNull();
        if (behind.header(FreshnessHeaders.POSITION) != null) {
            assertThat(Long.parseLong(behind.header(FreshnessHeaders.POSITION))).isLessThan(milestone.position());
        }
        // once the projection runs again, the same read shows the write
        Response view2 = read("/api/commitments/" + id, milestone.position(), true);
        assertThat(descriptions(view2.json())).contains("Recorded while the view is stopped");
        assertThat(view2.header("ETag")).isEqualTo("\"" + milestone.version() + "\"");
    }

    @Test
    void aBadMinimumPositionIsA400ProblemAndNothingIsRead() {
        String id = "ryw-bad-position-mou";
        Written proposed = written(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id)), 201);
        String path = "/api/commitments/" + id;
        List<Response> refused = List.of(
                client.get(VIEWER, path + "?minPosition=abc"),
                client.get(VIEWER, path + "?minPosition=-1"),
                client.get(VIEWER, path + "?minPosition=1e3"),
                client.get(VIEWER, path + "?minPosition=%2B7"),
                client.get(VIEWER, path + "?minPosition="),
                client.get(VIEWER, path + "?minPosition=1234567890123456789"),
                client.get(VIEWER, path + "?minPosition=1&minPosition=2"),
                client.exchange(VIEWER, "GET", path + "?minPosition=1", null, MinimumPosition.HEADER, "2"),
                client.exchange(VIEWER, "GET", path, null, MinimumPosition.HEADER, "0x1"),
                client.get(VIEWER, "/api/funding?minPosition=" + (proposed.position() + 1_000_000)));
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        });
        assertThat(client.exchange(VIEWER, "GET", path, null, MinimumPosition.HEADER, "" + proposed.position())
                        .status())
                .isEqualTo(200);
    }

    private Response read(String path, long position, boolean asParameter) {
        Response response = asParameter
                ? client.get(VIEWER, path + (path.contains("?") ? "&" : "?") + "minPosition=" + position)
                : client.exchange(VIEWER, "GET", path, null, MinimumPosition.HEADER, Long.toString(position));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static List<String> descriptions(JsonNode view) {
        List<String> descriptions = new ArrayList<>();
        view.get("milestones")
                .forEach(m -> descriptions.add(m.get("description").asText()));
        return descriptions;
    }

    private static BigDecimal pledgedOn(JsonNode funding, String id) {
        for (JsonNode line : funding.get("byLine")) {
            if (line.get("commitmentId").asText().equals(id)) {
                return new BigDecimal(
                        line.get("totals").get("pledged").get("amount").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private static String milestone(String description) {
        return "{\"description\":\"" + description + "\",\"achievedOn\":\"2024-06-20\"}";
    }

    /** A write's answer, checked: its status, the position in header and body alike, and the version. */
    private static Written written(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("position").isIntegralNumber())
                .as(response.toString())
                .isTrue();
        long position = body.get("position").asLong();
        assertThat(response.header("X-Event-Position")).isEqualTo(Long.toString(position));
        return new Written(
                body.get("commitmentId").asText(), body.get("version").asLong(), position);
    }

    private static <T> List<T> concurrently(List<Callable<List<T>>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (Callable<List<T>> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                results.addAll(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Written(String commitmentId, long version, long position) {}
}
