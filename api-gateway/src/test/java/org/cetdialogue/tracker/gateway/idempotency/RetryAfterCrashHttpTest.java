package org.cetdialogue.tracker.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.Test;

/**
 * An instance killed after a write's events were stored but before its answer was: the gateway's record of the
 * {@code Idempotency-Key} stays in flight and, once stale, is forgotten. The client's retry (same key, same request)
 * runs again, and the commitment answers it from the event the first attempt applied: the same 2xx, version and
 * position, and nothing stored twice.
 */
@SharedTracker
class RetryAfterCrashHttpTest {

    private static final String MILESTONE = "{\"description\":\"Crash-tested workshop\",\"achievedOn\":\"2024-06-20\"}";
    private static final String USER = "us-secretariat";

    private final TrackerClient client;
    private final RunningTracker tracker;

    RetryAfterCrashHttpTest(TrackerClient client, RunningTracker tracker) {
        this.client = client;
        this.tracker = tracker;
    }

    @Test
    void theRetryOfAWriteWhoseInstanceDiedIsAnsweredLikeTheFirstAttemptAndStoresNothing() {
        String id = "ai-idem-crash-mou";
        assertThat(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id))
                        .status())
                .isEqualTo(201);
        String path = "/api/commitments/" + id + "/milestones";
        Response first = client.post(US_SECRETARIAT, path, MILESTONE, "Idempotency-Key", "k-crash");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        killedMidRequest("k-crash");
        long events = eventsOf(id);

        Response retry = client.post(US_SECRETARIAT, path, MILESTONE, "Idempotency-Key", "k-crash");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed"))
                .as("run again, not replayed by the gateway")
                .isNull();
        assertThat(retry.json().get("version").asLong()).isEqualTo(1L);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("X-Event-Position")).isNotNull().isEqualTo(first.header("X-Event-Position"));
        assertThat(eventsOf(id)).as("nothing stored twice").isEqualTo(events).isEqualTo(2);
        Response history = client.exchange(
                VIEWER,
                "GET",
                "/api/commitments/" + id + "/history",
                null,
                "X-Min-Position",
                retry.header("X-Event-Position"));
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().get("entries"))
                .as("the proposal and one milestone")
                .hasSize(2);
    }

    @Test
    void theRetryOfAProposalWhoseInstanceDiedIsAnswered201() {
        String id = "ai-idem-crash-proposal-mou";
        Response first =
                client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id), "Idempotency-Key", "k-crash-p");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        killedMidRequest("k-crash-p");

        Response retry =
                client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id), "Idempotency-Key", "k-crash-p");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo("/api/commitments/" + id);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("X-Event-Position")).isNotNull().isEqualTo(first.header("X-Event-Position"));
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void aKeyTheCommitmentAppliedIsRefusedForAnotherRequestEvenWhenTheGatewayForgotIt() {
        String id = "ai-idem-crash-reuse-mou";
        client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id));
        String path = "/api/commitments/" + id + "/milestones";
        assertThat(client.post(US_SECRETARIAT, path, MILESTONE, "Idempotency-Key", "k-crash-r")
                        .status())
                .isEqualTo(200);
        killedMidRequest("k-crash-r");
        long events = eventsOf(id);

        Response other = client.post(
                US_SECRETARIAT,
                path,
                "{\"description\":\"Another workshop\",\"achievedOn\":\"2024-06-21\"}",
                "Idempotency-Key",
                "k-crash-r");

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.json().get("rule").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventsOf(id)).isEqualTo(events);
    }

    /**
     * The key's record as a {@code kill -9} leaves it: claimed, no answer stored, and older than
     * {@code tracker.idempotency.in-flight-timeout}, so the gateway counts it as stale and forgets it.
     */
    private void killedMidRequest(String key) {
        int updated = tracker.jdbc()
                .update(
                        "UPDATE idempotency_key SET response_status = NULL, response_content_type = NULL,"
                                + " response_location = NULL, response_body = NULL, created_at = ?"
                                + " WHERE username = ? AND idempotency_key = ?",
                        Timestamp.from(Instant.now().minus(Duration.ofHours(1))),
                        USER,
                        key);
        assertThat(updated).isEqualTo(1);
    }

    private long eventsOf(String id) {
        Long count = tracker.jdbc()
                .queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        return count == null ? 0 : count;
    }
}
