package org.cetdialogue.tracker.query.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.query.TestEvents.recordedAt;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.query.AreaStatus;
import org.cetdialogue.tracker.api.query.AreaStatusList;
import org.cetdialogue.tracker.api.query.CommitmentSummary;
import org.cetdialogue.tracker.api.query.FindAreaStatusQuery;
import org.cetdialogue.tracker.api.query.FindAreasQuery;
import org.cetdialogue.tracker.api.query.FindCommitmentsQuery;
import org.cetdialogue.tracker.query.AxonDelivery;
import org.cetdialogue.tracker.query.TestDatabase;
import org.cetdialogue.tracker.query.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AreaStatusProjectionTest {

    /** "Today" for every test: 1 March 2026. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate PAST = LocalDate.of(2026, 1, 31);
    private static final LocalDate FUTURE = LocalDate.of(2026, 12, 31);

    private TestDatabase database;
    private AreaStatusProjection projection;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated();
        projection = new AreaStatusProjection(database.jdbcClient(), CLOCK, TestDatabase.noSubscribers());
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
    }

    /** Delivers {@code event} as Axon would, to the most specific of the projection's handlers. */
    private void apply(long sequence, CommitmentEvent event) {
        new AxonDelivery(projection).deliver(sequence, recordedAt(sequence), event);
    }

    /** The events of one commitment, numbered from 0. */
    private void given(CommitmentEvent... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            apply(sequence, events[sequence]);
        }
    }

    private AreaStatus area(Area area) {
        return projection.handle(new FindAreaStatusQuery(area));
    }

    private CommitmentSummary summary(String commitmentId) {
        return projection.handle(new FindCommitmentsQuery(null)).commitments().stream()
                .filter(c -> c.commitmentId().equals(commitmentId))
                .findFirst()
                .orElseThrow();
    }

    private static CommitmentProposedEvent program(String id, Area area, LocalDate targetDate) {
        return TestEvents.proposal(id, area, CommitmentKind.PROGRAM, targetDate);
    }

    @Test
    void allSevenAreasAreListedEvenWhenEmpty() {
        AreaStatusList list = projection.handle(new FindAreasQuery());

        assertThat(list.areas()).extracting(AreaStatus::area).containsExactly(Area.values());
        for (AreaStatus status : list.areas()) {
            assertThat(status.labelEn()).isEqualTo(status.area().labelEn());
            assertThat(status.labelKo()).isEqualTo(status.area().labelKo());
            assertThat(status.commitmentCount()).isZero();
            assertThat(status.byStatus()).isEmpty();
            assertThat(status.byAssessment()).isEmpty();
            assertThat(status.commitments()).isEmpty();
            assertThat(status.overdue()).isEmpty();
            assertThat(status.lastActivityOn()).isNull();
            assertThat(status.lastRecordedAt()).isNull();
        }
    }

    @Test
    void areasWithoutCommitmentsAreListedBesideThoseWithSome() {
        given(TestEvents.mou("quantum-mou", Area.QUANTUM));

        AreaStatusList list = projection.handle(new FindAreasQuery());

        assertThat(list.areas()).extracting(AreaStatus::area).containsExactly(Area.values());
        assertThat(list.areas()).extracting(AreaStatus::commitmentCount).containsExactly(0, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void proposalIsListedAsProposedAndNotStarted() {
        MouProposedEvent proposal = TestEvents.mou("quantum-mou", Area.QUANTUM, FUTURE);
        given(proposal);

        assertThat(summary("quantum-mou"))
                .isEqualTo(new CommitmentSummary(
                        "quantum-mou",
                        Area.QUANTUM,
                        CommitmentKind.MOU,
                        proposal.titleEn(),
                        proposal.titleKo(),
                        LifecycleStatus.PROPOSED,
                        Assessment.NOT_STARTED,
                        FUTURE,
                        false,
                        TestEvents.ANNOUNCED_ON));
    }

    @Test
    void commitmentsAreCountedByStatusAndAssessment() {
        LocalDate on = LocalDate.of(2025, 12, 1);
        Area semis = Area.SEMICONDUCTORS;
        given(program("semis-proposed", semis, null));
        given(TestEvents.mou("semis-signed", semis), new MouSignedEvent("semis-signed", on));
        given(program("semis-launched", semis, null), new ProgramLaunchedEvent("semis-launched", on, null));
        given(
                program("semis-milestone", semis, null),
                new ProgramLaunchedEvent("semis-milestone", on, null),
                new MilestoneRecordedEvent("semis-milestone", "fab visit", on));
        given(
                program("semis-implementing", semis, null),
                new ProgramLaunchedEvent("semis-implementing", on, null),
                new ImplementationStartedEvent("semis-implementing", on, null));
        given(
                program("semis-suspended", semis, null),
                new ProgramLaunchedEvent("semis-suspended", on, null),
                new MilestoneRecordedEvent("semis-suspended", "fab visit", on),
                new CommitmentSuspendedEvent("semis-suspended", on, LifecycleStatus.LAUNCHED, "review"));
        given(
                program("semis-completed", semis, null),
                new ProgramLaunchedEvent("semis-completed", on, null),
                new CommitmentCompletedEvent("semis-completed", on, null));
        given(
                TestEvents.mou("semis-cancelled", semis),
                new MouSignedEvent("semis-cancelled", on),
                new CommitmentCancelledEvent("semis-cancelled", on, "superseded"));
        given(program("bio-proposed", Area.BIOTECHNOLOGY, null));

        AreaStatus status = area(semis);

        assertThat(status.commitmentCount()).isEqualTo(8);
        assertThat(status.byStatus())
                .isEqualTo(Map.of(
                        LifecycleStatus.PROPOSED, 1,
                        LifecycleStatus.SIGNED, 1,
                        LifecycleStatus.LAUNCHED, 2,
                        LifecycleStatus.IMPLEMENTING, 1,
                        LifecycleStatus.SUSPENDED, 1,
                        LifecycleStatus.COMPLETED, 1,
                        LifecycleStatus.CANCELLED, 1));
        assertThat(status.byAssessment())
                .isEqualTo(Map.of(
                        Assessment.NOT_STARTED, 1,
                        Assessment.LIMITED, 3,
                        Assessment.SUBSTANTIAL, 3,
                        Assessment.COMPLETE, 1));
        assertThat(status.commitments())
                .extracting(CommitmentSummary::commitmentId)
                .containsExactly(
                        "semis-cancelled",
                        "semis-completed",
                        "semis-implementing",
                        "semis-launched",
                        "semis-milestone",
                        "semis-proposed",
                        "semis-signed",
                        "semis-suspended");
        assertThat(area(Area.BIOTECHNOLOGY).byStatus()).isEqualTo(Map.of(LifecycleStatus.PROPOSED, 1));
    }

    @Test
    void suspendedCommitmentKeepsItsAssessment() {
        LocalDate on = LocalDate.of(2025, 12, 1);
        given(
                program("p", Area.QUANTUM, null),
                new ProgramLaunchedEvent("p", on, null),
                new MilestoneRecordedEvent("p", "first workshop", on),
                new CommitmentSuspendedEvent("p", on, LifecycleStatus.LAUNCHED, "review"));

        assertThat(summary("p").status()).isEqualTo(LifecycleStatus.SUSPENDED);
        assertThat(summary("p").assessment()).isEqualTo(Assessment.SUBSTANTIAL);
    }

    @Test
    void resumedCommitmentReturnsToItsStatusBefore() {
        LocalDate on = LocalDate.of(2025, 12, 1);
        given(
                TestEvents.mou("m", Area.QUANTUM),
                new MouSignedEvent("m", on),
                new CommitmentSuspendedEvent("m", on, LifecycleStatus.SIGNED, "review"),
                new CommitmentResumedEvent("m", on.plusDays(10), LifecycleStatus.SIGNED, "approved"));

        assertThat(summary("m").status()).isEqualTo(LifecycleStatus.SIGNED);
        assertThat(summary("m").assessment()).isEqualTo(Assessment.LIMITED);
    }

    @Test
    void openCommitmentPastItsTargetDateIsOverdue() {
        given(program("late", Area.DIGITAL_ICT, PAST));
        given(
                program("suspended-late", Area.DIGITAL_ICT, PAST),
                new CommitmentSuspendedEvent("suspended-late", PAST, LifecycleStatus.PROPOSED, "review"));

        AreaStatus status = area(Area.DIGITAL_ICT);

        assertThat(summary("late").overdue()).isTrue();
        assertThat(summary("suspended-late").overdue()).isTrue();
        assertThat(status.overdue())
                .extracting(CommitmentSummary::commitmentId)
                .containsExactly("late", "suspended-late");
    }

    @Test
    void commitmentDueTodayOrLaterOrWithoutTargetIsNotOverdue() {
        given(program("due-today", Area.DIGITAL_ICT, TODAY));
        given(program("due-later", Area.DIGITAL_ICT, FUTURE));
        given(program("no-target", Area.DIGITAL_ICT, null));

        assertThat(area(Area.DIGITAL_ICT).overdue()).isEmpty();
        assertThat(projection.handle(new FindCommitmentsQuery(Area.DIGITAL_ICT)).commitments())
                .extracting(CommitmentSummary::overdue)
                .containsOnly(false);
    }

    @Test
    void completedOrCancelledCommitmentPastItsTargetDateIsNotOverdue() {
        given(
                program("done", Area.DIGITAL_ICT, PAST),
                new ProgramLaunchedEvent("done", PAST.minusMonths(2), null),
                new CommitmentCompletedEvent("done", PAST.plusDays(5), null));
        given(program("dropped", Area.DIGITAL_ICT, PAST), new CommitmentCancelledEvent("dropped", PAST, "no budget"));

        assertThat(summary("done").overdue()).isFalse();
        assertThat(summary("dropped").overdue()).isFalse();
        assertThat(area(Area.DIGITAL_ICT).overdue()).isEmpty();
    }

    @Test
    void overdueIsJudgedAgainstTheClock() {
        given(program("due", Area.DIGITAL_ICT, TODAY));
        Clock nextDay = Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC);

        AreaStatusProjection tomorrow =
                new AreaStatusProjection(database.jdbcClient(), nextDay, TestDatabase.noSubscribers());

        assertThat(area(Area.DIGITAL_ICT).overdue()).isEmpty();
        assertThat(tomorrow.handle(new FindAreaStatusQuery(Area.DIGITAL_ICT)).overdue())
                .extracting(CommitmentSummary::commitmentId)
                .containsExactly("due");
    }

    @Test
    void lastActivityIsTheLatestEffectiveDateNotTheLatestRecorded() {
        LocalDate launchedOn = LocalDate.of(2026, 2, 10);
        given(
                program("p", Area.BATTERIES_CLEAN_ENERGY, null),
                new ProgramLaunchedEvent("p", launchedOn, null),
                new MilestoneRecordedEvent("p", "recorded late", launchedOn.minusDays(20)),
                new EntryCorrectedEvent(
                        "p",
                        0,
                        "CommitmentProposedEvent",
                        null,
                        new CorrectedFields(null, null, "Title of p", null),
                        new CorrectedFields(null, null, "Battery recycling programme", null),
                        "official title"));

        assertThat(summary("p").lastActivityOn()).isEqualTo(launchedOn);
        AreaStatus status = area(Area.BATTERIES_CLEAN_ENERGY);
        assertThat(status.lastActivityOn()).isEqualTo(launchedOn);
        assertThat(status.lastRecordedAt()).isEqualTo(recordedAt(3));
    }

    @Test
    void areaLastActivityIsTheLatestOfItsCommitments() {
        given(
                program("early", Area.BATTERIES_CLEAN_ENERGY, null),
                new ProgramLaunchedEvent("early", LocalDate.of(2026, 2, 20), null));
        given(
                program("late", Area.BATTERIES_CLEAN_ENERGY, null),
                new ProgramLaunchedEvent("late", LocalDate.of(2025, 12, 5), null),
                new MilestoneRecordedEvent("late", "pilot line", LocalDate.of(2026, 1, 5)));

        AreaStatus status = area(Area.BATTERIES_CLEAN_ENERGY);

        assertThat(status.lastActivityOn()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(status.lastRecordedAt()).isEqualTo(recordedAt(2));
        assertThat(summary("late").lastActivityOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void commitmentsOfOneAreaAreFoundByArea() {
        given(program("semis-b", Area.SEMICONDUCTORS, null));
        given(program("semis-a", Area.SEMICONDUCTORS, null));
        given(program("toolkit", Area.TECHNOLOGY_PROTECTION, null));

        assertThat(projection
                        .handle(new FindCommitmentsQuery(Area.SEMICONDUCTORS))
                        .commitments())
                .extracting(CommitmentSummary::commitmentId)
                .containsExactly("semis-a", "semis-b");
        assertThat(projection.handle(new FindCommitmentsQuery(Area.QUANTUM)).commitments())
                .isEmpty();
    }

    @Test
    void commitmentsOfAllAreasAreFoundWithoutArea() {
        given(program("toolkit", Area.TECHNOLOGY_PROTECTION, null));
        given(program("semis-b", Area.SEMICONDUCTORS, null));
        given(program("semis-a", Area.SEMICONDUCTORS, null));

        assertThat(projection.handle(new FindCommitmentsQuery(null)).commitments())
                .extracting(CommitmentSummary::commitmentId)
                .containsExactly("semis-a", "semis-b", "toolkit");
    }

    @Test
    void redeliveredEventChangesNothing() {
        LocalDate on = LocalDate.of(2025, 12, 1);
        MouProposedEvent proposal = TestEvents.mou("m", Area.QUANTUM, PAST);
        MouSignedEvent signed = new MouSignedEvent("m", on);
        CommitmentSuspendedEvent suspended =
                new CommitmentSuspendedEvent("m", on.plusDays(5), LifecycleStatus.SIGNED, "review");
        given(
                proposal,
                signed,
                suspended,
                new CommitmentResumedEvent("m", on.plusDays(9), LifecycleStatus.SIGNED, "approved"),
                new CommitmentCompletedEvent("m", on.plusDays(30), null));
        AreaStatus before = area(Area.QUANTUM);

        apply(0, proposal);
        apply(1, signed);
        apply(2, suspended);

        assertThat(area(Area.QUANTUM)).isEqualTo(before);
        assertThat(summary("m").status()).isEqualTo(LifecycleStatus.COMPLETED);
        assertThat(summary("m").overdue()).isFalse();
    }

    @Test
    void redeliveredMilestoneIsNotCountedTwice() {
        LocalDate on = LocalDate.of(2025, 12, 1);
        MilestoneRecordedEvent milestone = new MilestoneRecordedEvent("p", "workshop", on);
        given(program("p", Area.QUANTUM, null), new ProgramLaunchedEvent("p", on, null), milestone);

        apply(2, milestone);

        int milestones = database.jdbcClient()
                .sql("SELECT milestone_count FROM area_commitment WHERE commitment_id = 'p'")
                .query(Integer.class)
                .single();
        assertThat(milestones).isEqualTo(1);
    }

    @Test
    void correctedTitleIsShown() {
        MouProposedEvent proposal = TestEvents.mou("m", Area.AI_STANDARDS);
        given(
                proposal,
                new MouSignedEvent("m", LocalDate.of(2025, 12, 1)),
                new EntryCorrectedEvent(
                        "m",
                        0,
                        "MouProposedEvent",
                        null,
                        new CorrectedFields(null, null, proposal.titleEn(), proposal.titleKo()),
                        new CorrectedFields(null, null, "AI Safety Institutes MOU", "AI 안전연구소 양해각서"),
                        "official title"));

        CommitmentSummary summary = summary("m");
        assertThat(summary.titleEn()).isEqualTo("AI Safety Institutes MOU");
        assertThat(summary.titleKo()).isEqualTo("AI 안전연구소 양해각서");
        assertThat(summary.status()).isEqualTo(LifecycleStatus.SIGNED);
    }

    @Test
    void correctionOfEnglishTitleKeepsTheKoreanOne() {
        MouProposedEvent proposal = TestEvents.mou("m", Area.AI_STANDARDS);
        given(
                proposal,
                new EntryCorrectedEvent(
                        "m",
                        0,
                        "MouProposedEvent",
                        null,
                        new CorrectedFields(null, null, proposal.titleEn(), null),
                        new CorrectedFields(null, null, "AI Safety Institutes MOU", null),
                        "official title"));

        assertThat(summary("m").titleEn()).isEqualTo("AI Safety Institutes MOU");
        assertThat(summary("m").titleKo()).isEqualTo(proposal.titleKo());
    }

    @Test
    void eventOfUnknownCommitmentIsIgnored() {
        projection.on(new MouSignedEvent("unknown", LocalDate.of(2025, 12, 1)), 1, recordedAt(1));

        assertThat(projection.handle(new FindCommitmentsQuery(null)).commitments())
                .isEmpty();
        assertThat(database.count("area_commitment")).isZero();
    }

    @Test
    void resetEmptiesIt() {
        given(program("p", Area.QUANTUM, null));

        projection.reset();

        assertThat(database.count("area_commitment")).isZero();
        assertThat(projection.handle(new FindAreasQuery()).areas()).hasSize(7);
        assertThat(area(Area.QUANTUM).commitmentCount()).isZero();
    }

    @Test
    void axonRoutesProposalsToTheirOwnHandlersAndTheRestToTheGeneralOne() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);

        adapter.handle(new GenericDomainEventMessage<>(
                "Commitment", "m", 0, TestEvents.mou("m", Area.QUANTUM), Map.of(), "e-0", recordedAt(0)));
        adapter.handle(new GenericDomainEventMessage<>(
                "Commitment",
                "m",
                1,
                new MouSignedEvent("m", LocalDate.of(2025, 12, 1)),
                Map.of(),
                "e-1",
                recordedAt(1)));

        assertThat(summary("m").kind()).isEqualTo(CommitmentKind.MOU);
        assertThat(summary("m").status()).isEqualTo(LifecycleStatus.SIGNED);
        assertThat(area(Area.QUANTUM).lastRecordedAt()).isEqualTo(recordedAt(1));
    }
}
