package org.cetdialogue.tracker.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import org.cetdialogue.tracker.api.query.FindCommitmentQuery;
import org.cetdialogue.tracker.query.cluster.QueryUpdateRelay;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two trackers on one PostgreSQL database: a subscription-query update emitted on A reaches the matching subscribers
 * on B (through LISTEN/NOTIFY), exactly once, and not those of other commitments. What a projection emits goes the
 * same way, since it is the same {@link QueryUpdateEmitter}. PostgreSQL only.
 */
class QueryUpdateRelayHttpTest {

    private static final String SEEDED = "bio-lbnl-kribb-biofoundry-mou";
    private static final String OTHER = "bio-nsf-msit-bioeconomy-rd";

    @TempDir
    Path dataDirectory;

    @Test
    void anUpdateEmittedOnOneInstanceReachesTheMatchingSubscribersOfTheOther() {
        assumeTrue(TestDatabase.isPostgres(), "instances share a database only on PostgreSQL");
        try (RunningTracker a = RunningTracker.start(dataDirectory);
                RunningTracker b = RunningTracker.start(dataDirectory)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> a.bean(QueryUpdateRelay.class).isListening()
                            && b.bean(QueryUpdateRelay.class).isListening());
            List<CommitmentView> onB = subscribe(b, SEEDED);
            List<CommitmentView> otherOnB = subscribe(b, OTHER);
            List<CommitmentView> onA = subscribe(a, SEEDED);
            CommitmentView view = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> a.bean(QueryGateway.class)
                                    .query(
                                            new FindCommitmentQuery(SEEDED),
                                            ResponseTypes.optionalInstanceOf(CommitmentView.class))
                                    .join()
                                    .orElse(null),
                            v -> v != null);

            a.bean(QueryUpdateEmitter.class)
                    .emit(FindCommitmentQuery.class, q -> q.commitmentId().equals(SEEDED), view);

            await().atMost(Duration.ofSeconds(30)).until(() -> onB.size() == 1 && onA.size() == 1);
            assertThat(onB).containsExactly(view);
            assertThat(onA).as("the local subscriber, not relayed back").containsExactly(view);
            assertThat(otherOnB).as("another commitment's subscriber").isEmpty();
        }
    }

    private static List<CommitmentView> subscribe(RunningTracker tracker, String id) {
        List<CommitmentView> updates = new CopyOnWriteArrayList<>();
        SubscriptionQueryResult<?, CommitmentView> result = tracker.bean(QueryGateway.class)
                .subscriptionQuery(
                        new FindCommitmentQuery(id),
                        ResponseTypes.optionalInstanceOf(CommitmentView.class),
                        ResponseTypes.instanceOf(CommitmentView.class));
        result.updates().subscribe(updates::add);
        return updates;
    }
}
