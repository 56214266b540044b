package org.cetdialogue.tracker.query.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.query.ActivityEntry;
import org.cetdialogue.tracker.api.query.ActivityFeed;
import org.cetdialogue.tracker.api.query.EventPosition;
import org.cetdialogue.tracker.api.query.FindActivityQuery;
import org.cetdialogue.tracker.api.query.FindEventPositionQuery;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The activity feed as a plain class over H2: one entry per global position, in order, sent to subscribers once. */
class ActivityProjectionTest {

    private final SimpleQueryUpdateEmitter emitter =
            SimpleQueryUpdateEmitter.builder().build();
    /** Where the write side says events were stored ("commitment@sequence"), as the store would answer. */
    private final Map<String, Long> storedPositions = new HashMap<>();

    private final List<FindEventPositionQuery> asked = new ArrayList<>();
    private JdbcClient jdbc;
    private ActivityProjection projection;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/processing")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindEventPositionQuery.class.getName(), EventPosition.class, message -> {
            FindEventPositionQuery query = (FindEventPositionQuery) message.getPayload();
            asked.add(query);
            return new EventPosition(
                    query.commitmentId(),
                    query.sequence(),
                    storedPositions.getOrDefault(query.commitmentId() + "@" + query.sequence(), -1L));
        });
        projection = new ActivityProjection(
                jdbc, emitter, DefaultQueryGateway.builder().queryBus(queryBus).build());
    }

    @Test
    void recordsEachEventAtItsGlobalPositionWithAuthorAndReason() {
        handle(
                7,
                3,
                new CommitmentSuspendedEvent(
                        "c-1", LocalDate.of(2024, 5, 1), LifecycleStatus.LAUNCHED, "funding frozen"),
                "rok-secretariat",
                "ROK",
                "funding frozen");

        ActivityEntry entry =
                projection.handle(new FindActivityQuery(null, 10)).entries().get(0);
        assertThat(entry.position()).isEqualTo(7);
        assertThat(entry.commitmentId()).isEqualTo("c-1");
        assertThat(entry.sequence()).isEqualTo(3);
        assertThat(entry.eventType()).isEqualTo("CommitmentSuspendedEvent");
        assertThat(entry.summary()).isEqualTo("Suspended on 2024-05-01: funding frozen");
        assertThat(entry.effectiveOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(entry.actor()).isEqualTo("rok-secretariat");
        assertThat(entry.side()).isEqualTo("ROK");
        assertThat(entry.reason()).isEqualTo("funding frozen");
    }

    @Test
    void keepsTheEventsOwnFieldsSoThatAPageCanWordThemInItsLanguage() {
        handle(
                9,
                2,
                new FundingPledgedEvent("c-1", "NSF", Money.atLeast("10000000.00", "USD"), LocalDate.of(2024, 3, 1)),
                "us-secretariat",
                "US",
                null);
        milestone(10, "첫 공동 측정");

        List<ActivityEntry> entries =
                projection.handle(new FindActivityQuery(null, 10)).entries();
        Map<String, Object> pledge = entries.get(0).details();
        assertThat(pledge).doesNotContainKey("commitmentId");
        assertThat(pledge).containsEntry("funder", "NSF").containsEntry("valueDate", "2024-03-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> amount = (Map<String, Object>) pledge.get("amount");
        assertThat(amount).containsEntry("currency", "USD").containsEntry("lowerBound", true);
        assertThat(new BigDecimal(amount.get("amount").toString())).isEqualByComparingTo("10000000");
        assertThat(entries.get(1).details())
                .containsEntry("description", "첫 공동 측정")
                .containsEntry("achievedOn", "2024-01-01");
    }

    @Test
    void anEntryRecordedBeforeTheFeedKeptFieldsHasNone() {
        jdbc.sql("INSERT INTO activity_entry (global_position, commitment_id, sequence_number, event_type, summary,"
                        + " recorded_at) VALUES (1, 'c-0', 0, 'MilestoneRecordedEvent', 'Milestone', :at)")
                .param("at", java.time.OffsetDateTime.parse("2024-06-01T00:00:00Z"))
                .update();

        assertThat(projection
                        .handle(new FindActivityQuery(null, 10))
                        .entries()
                        .get(0)
                        .details())
                .isEmpty();
    }

    @Test
    void aRedeliveredEventChangesNothingAndIsNotSentAgain() {
        UpdateHandlerRegistration<Object> subscription = subscribe();
        milestone(4, "first");
        milestone(4, "first");
        milestone(5, "second");
        subscription.complete();

        assertThat(projection.handle(new FindActivityQuery(null, 10)).entries())
                .extracting(ActivityEntry::position)
                .containsExactly(4L, 5L);
        List<Object> sent = subscription
                .getUpdates()
                .map(update -> update.getPayload())
                .collectList()
                .block(Duration.ofSeconds(5));
        assertThat(sent)
                .extracting(update -> ((ActivityEntry) update).position())
                .containsExactly(4L, 5L);
    }

    @Test
    void aLateCommittedEventWhoseTokenReportsATakenPositionIsRecordedAtItsStoredPosition() {
        // two writers took 100 and 101; 101 committed first, and 100's gap-aware token then reports 101 as well
        handle(101, 7, new MilestoneRecordedEvent("c-2", "committed first", LocalDate.of(2024, 1, 1)), "a", "US", null);
        storedPositions.put("c-1@4", 100L);
        handle(101, 4, new MilestoneRecordedEvent("c-1", "committed late", LocalDate.of(2024, 1, 1)), "b", "ROK", null);

        assertThat(projection.handle(new FindActivityQuery(null, 10)).entries())
                .extracting(ActivityEntry::position, ActivityEntry::commitmentId)
                .containsExactly(tuple(100L, "c-1"), tuple(101L, "c-2"));
        assertThat(asked)
                .singleElement()
                .satisfies(query -> assertThat(query.after()).isLessThan(100));

        // redelivered after a restart, with the token it had then: recognised, nothing changes, nothing asked
        handle(101, 4, new MilestoneRecordedEvent("c-1", "committed late", LocalDate.of(2024, 1, 1)), "b", "ROK", null);
        assertThat(projection.handle(new FindActivityQuery(null, 10)).entries()).hasSize(2);
        assertThat(asked).hasSize(1);
    }

    @Test
    void anEventWhoseStoredPositionTheStoreCannotTellIsRefusedSoThatTheProcessorRetriesIt() {
        handle(101, 7, new MilestoneRecordedEvent("c-2", "committed first", LocalDate.of(2024, 1, 1)), "a", "US", null);

        assertThatThrownBy(() -> handle(
                        101,
                        4,
                        new MilestoneRecordedEvent("c-1", "not found", LocalDate.of(2024, 1, 1)),
                        "b",
                        "ROK",
                        null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c-1 at 4");
        assertThat(projection.handle(new FindActivityQuery(null, 10)).entries()).hasSize(1);
    }

    @Test
    void answersWhatCameAfterAPositionInOrderOrTheLatestEntries() {
        for (long position : new long[] {2, 3, 5, 8, 13}) {
            milestone(position, "at " + position);
        }

        assertThat(positions(projection.handle(new FindActivityQuery(3L, 10)))).containsExactly(5L, 8L, 13L);
        assertThat(positions(projection.handle(new FindActivityQuery(3L, 2)))).containsExactly(5L, 8L);
        assertThat(positions(projection.handle(new FindActivityQuery(null, 2)))).containsExactly(8L, 13L);
        assertThat(positions(projection.handle(new FindActivityQuery(13L, 10)))).isEmpty();
    }

    private UpdateHandlerRegistration<Object> subscribe() {
        return emitter.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(
                        new FindActivityQuery(null, 10),
                        ResponseTypes.instanceOf(ActivityFeed.class),
                        ResponseTypes.instanceOf(ActivityEntry.class)),
                256);
    }

    private void milestone(long position, String description) {
        handle(
                position,
                position,
                new MilestoneRecordedEvent("c-1", description, LocalDate.of(2024, 1, 1)),
                "viewer",
                "US",
                null);
    }

    private void handle(long position, long sequence, CommitmentEvent event, String actor, String side, String reason) {
        Map<String, Object> meta = new HashMap<>(Map.of("username", actor, "side", side));
        if (reason != null) {
            meta.put("reason", reason);
        }
        GenericDomainEventMessage<CommitmentEvent> message = new GenericDomainEventMessage<>(
                "Commitment",
                event.commitmentId(),
                sequence,
                event,
                MetaData.from(meta),
                UUID.randomUUID().toString(),
                Instant.parse("2024-06-01T00:00:00Z"));
        projection.on(event, message, new GlobalSequenceTrackingToken(position));
    }

    private static List<Long> positions(ActivityFeed feed) {
        return feed.entries().stream().map(ActivityEntry::position).toList();
    }
}
