package org.cetdialogue.tracker.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.cetdialogue.tracker.api.query.CommitmentView;
import org.cetdialogue.tracker.api.query.CommitmentViewUpdate;
import org.cetdialogue.tracker.api.query.FindCommitmentQuery;
import org.cetdialogue.tracker.query.cluster.QueryUpdateRelay;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.cetdialogue.tracker.support.SseStream.Event;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two trackers on one PostgreSQL database: a subscription-query update emitted on A reaches the matching subscribers
 * on B (through LISTEN/NOTIFY), exactly once, and not those of other commitments. What a projection emits goes the
 * same way, since it is the same {@link QueryUpdateEmitter}: a write's activity entry reaches the activity streams of
 * both instances, whichever holds the activity processor's one segment. PostgreSQL only.
 */
class QueryUpdateRelayHttpTest {

    private static final String SEEDED = "bio-lbnl-kribb-biofoundry-mou";
    private static final String OTHER = "bio-nsf-msit-bioeconomy-rd";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    @Test
    void anUpdateEmittedOnOneInstanceReachesTheMatchingSubscribersOfTheOther() {
        assumeTrue(TestDatabase.isPostgres(), "instances share a database only on PostgreSQL");
        try (RunningTracker a = RunningTracker.start(dataDirectory);
                RunningTracker b = RunningTracker.start(dataDirectory)) {
            awaitListening(a, b);
            List<CommitmentViewUpdate> onB = subscribe(b, SEEDED);
            List<CommitmentViewUpdate> otherOnB = subscribe(b, OTHER);
            List<CommitmentViewUpdate> onA = subscribe(a, SEEDED);
            CommitmentView view = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> a.bean(QueryGateway.class)
                                    .query(
                                            new FindCommitmentQuery(SEEDED),
                                            ResponseTypes.optionalInstanceOf(CommitmentView.class))
                                    .join()
                                    .orElse(null),
                            v -> v != null);

            CommitmentViewUpdate update = new CommitmentViewUpdate(7, view);

            a.bean(QueryUpdateEmitter.class).emit(FindCommitmentQuery.class, q -> q.wants(update), update);

            await().atMost(Duration.ofSeconds(30)).until(() -> onB.size() == 1 && onA.size() == 1);
            assertThat(onB).containsExactly(update);
            assertThat(onA).as("the local subscriber, not relayed back").containsExactly(update);
            assertThat(otherOnB).as("another commitment's subscriber").isEmpty();
        }
    }

    @Test
    void aWriteOnOneInstanceReachesTheActivityStreamsOfBoth() {
        assumeTrue(TestDatabase.isPostgres(), "instances share a database only on PostgreSQL");
        try (RunningTracker a = RunningTracker.start(dataDirectory);
                RunningTracker b = RunningTracker.start(dataDirectory)) {
            awaitListening(a, b);
            try (SseStream onA = SseStream.open(a.client().baseUrl(), "/api/stream/activity", SseStream.basic(VIEWER));
                    SseStream onB =
                            SseStream.open(b.client().baseUrl(), "/api/stream/activity", SseStream.basic(VIEWER))) {
                // the recent entries first: the streams are subscribed before the write
                onA.next("activity", WAIT);
                onB.next("activity", WAIT);
                Response written = a.client()
                        .post(
                                US_SECRETARIAT,
                                "/api/commitments/" + SEEDED + "/milestones",
                                "{\"description\": \"Relayed to every instance\", \"achievedOn\": \"2024-03-01\"}");
                assertThat(written.status()).as(written.toString()).isEqualTo(200);

                // the activity processor has one segment, held by one instance: the other stream gets the entry
                // through the relay
                Event seenOnA = onA.next(QueryUpdateRelayHttpTest::isTheWrite, WAIT);
                Event seenOnB = onB.next(QueryUpdateRelayHttpTest::isTheWrite, WAIT);
                assertThat(seenOnB.id()).isEqualTo(seenOnA.id());
            }
        }
    }

    private static void awaitListening(RunningTracker a, RunningTracker b) {
        await().atMost(WAIT)
                .until(() -> a.bean(QueryUpdateRelay.class).isListening()
                        && b.bean(QueryUpdateRelay.class).isListening());
    }

    private static boolean isTheWrite(Event event) {
        return "activity".equals(event.event())
                && event.json().at("/data/summary").asText().contains("Relayed to every instance");
    }

    private static List<CommitmentViewUpdate> subscribe(RunningTracker tracker, String id) {
        List<CommitmentViewUpdate> updates = new CopyOnWriteArrayList<>();
        SubscriptionQueryResult<?, CommitmentViewUpdate> result = tracker.bean(QueryGateway.class)
                .subscriptionQuery(
                        new FindCommitmentQuery(id),
                        ResponseTypes.optionalInstanceOf(CommitmentView.class),
                        ResponseTypes.instanceOf(CommitmentViewUpdate.class));
        result.updates().subscribe(updates::add);
        return updates;
    }
}
