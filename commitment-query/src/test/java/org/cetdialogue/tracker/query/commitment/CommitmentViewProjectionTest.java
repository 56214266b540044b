package org.cetdialogue.tracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.query.TestEvents.recordedAt;

import java.time.LocalDate;
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
import org.cetdialogue.tracker.api.commitment.FundingCommittedEvent;
import org.cetdialogue.tracker.api.commitment.FundingDisbursedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.query.CommitmentView;
import org.cetdialogue.tracker.api.query.EventReference;
import org.cetdialogue.tracker.api.query.FindCommitmentQuery;
import org.cetdialogue.tracker.api.query.FundingEntryView;
import org.cetdialogue.tracker.api.query.MilestoneView;
import org.cetdialogue.tracker.query.AxonDelivery;
import org.cetdialogue.tracker.query.TestDatabase;
import org.cetdialogue.tracker.query.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitmentViewProjectionTest {

    private static final String ID = "quantum-mou";
    private static final LocalDate TARGET = LocalDate.of(2026, 6, 30);
    private static final LocalDate SIGNED_ON = LocalDate.of(2025, 11, 20);
    private static final LocalDate LAUNCHED_ON = LocalDate.of(2026, 1, 15);

    private TestDatabase database;
    private CommitmentViewProjection projection;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated();
        projection = new CommitmentViewProjection(database.jdbcClient(), TestDatabase.noSubscribers());
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
    }

    /** Delivers {@code event} as Axon would, to the most specific of the projection's handlers. */
    private void apply(long sequence, CommitmentEvent event) {
        new AxonDelivery(projection).deliver(sequence, recordedAt(sequence), event);
    }

    private void given(CommitmentEvent... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            apply(sequence, events[sequence]);
        }
    }

    private CommitmentView view() {
        return projection.handle(new FindCommitmentQuery(ID)).orElseThrow();
    }

    private static MouProposedEvent mou() {
        return TestEvents.mou(ID, Area.QUANTUM, TARGET);
    }

    @Test
    void proposalCreatesTheView() {
        CommitmentProposedEvent proposal =
                TestEvents.proposal(ID, Area.AI_STANDARDS, CommitmentKind.JOINT_RESEARCH, TARGET);

        given(proposal);

        CommitmentView view = view();
        assertThat(view.commitmentId()).isEqualTo(ID);
        assertThat(view.area()).isEqualTo(Area.AI_STANDARDS);
        assertThat(view.kind()).isEqualTo(CommitmentKind.JOINT_RESEARCH);
        assertThat(view.titleEn()).isEqualTo(proposal.titleEn());
        assertThat(view.titleKo()).isEqualTo(proposal.titleKo());
        assertThat(view.status()).isEqualTo(LifecycleStatus.PROPOSED);
        assertThat(view.assessment()).isEqualTo(Assessment.NOT_STARTED);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(0, "CommitmentProposedEvent"));
        assertThat(view.parties()).isEqualTo(TestEvents.PARTIES);
        assertThat(view.sourceCitation()).isEqualTo(proposal.sourceCitation());
        assertThat(view.targetDate()).isEqualTo(TARGET);
        assertThat(view.announcedOn()).isEqualTo(TestEvents.ANNOUNCED_ON);
        assertThat(view.signedOn()).isNull();
        assertThat(view.launchedOn()).isNull();
        assertThat(view.completedOn()).isNull();
        assertThat(view.cancelledOn()).isNull();
        assertThat(view.milestones()).isEmpty();
        assertThat(view.funding()).isEmpty();
        assertThat(view.version()).isZero();
        assertThat(view.lastRecordedAt()).isEqualTo(recordedAt(0));
    }

    @Test
    void mouProposalCreatesAnMouViewAnnouncedOnTheDayProposed() {
        given(mou());

        CommitmentView view = view();
        assertThat(view.kind()).isEqualTo(CommitmentKind.MOU);
        assertThat(view.area()).isEqualTo(Area.QUANTUM);
        assertThat(view.announcedOn()).isEqualTo(TestEvents.ANNOUNCED_ON);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(0, "MouProposedEvent"));
    }

    @Test
    void signatureFoldsIn() {
        given(mou(), new MouSignedEvent(ID, SIGNED_ON));

        CommitmentView view = view();
        assertThat(view.status()).isEqualTo(LifecycleStatus.SIGNED);
        assertThat(view.assessment()).isEqualTo(Assessment.LIMITED);
        assertThat(view.signedOn()).isEqualTo(SIGNED_ON);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(1, "MouSignedEvent"));
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.lastRecordedAt()).isEqualTo(recordedAt(1));
    }

    @Test
    void launchWithoutMilestoneIsLimitedOnTheLaunchAlone() {
        given(mou(), new MouSignedEvent(ID, SIGNED_ON), new ProgramLaunchedEvent(ID, LAUNCHED_ON, "first call"));

        CommitmentView view = view();
        assertThat(view.status()).isEqualTo(LifecycleStatus.LAUNCHED);
        assertThat(view.launchedOn()).isEqualTo(LAUNCHED_ON);
        assertThat(view.assessment()).isEqualTo(Assessment.LIMITED);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(2, "ProgramLaunchedEvent"));
    }

    @Test
    void milestonesFoldInAndMakeTheLaunchSubstantial() {
        given(
                mou(),
                new MouSignedEvent(ID, SIGNED_ON),
                new ProgramLaunchedEvent(ID, LAUNCHED_ON, null),
                new MilestoneRecordedEvent(ID, "first joint workshop", LocalDate.of(2026, 2, 3)),
                new MilestoneRecordedEvent(ID, "researcher exchange", LocalDate.of(2026, 3, 10)));

        CommitmentView view = view();
        assertThat(view.status()).isEqualTo(LifecycleStatus.LAUNCHED);
        assertThat(view.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
        assertThat(view.milestones())
                .containsExactly(
                        new MilestoneView(3, "first joint workshop", LocalDate.of(2026, 2, 3)),
                        new MilestoneView(4, "researcher exchange", LocalDate.of(2026, 3, 10)));
        assertThat(view.assessmentBasis())
                .containsExactly(
                        new EventReference(2, "ProgramLaunchedEvent"),
                        // the first milestone is what made the launched commitment substantial
                        new EventReference(3, "MilestoneRecordedEvent"));
        assertThat(view.version()).isEqualTo(4);
    }

    @Test
    void implementationStartIsTheBasisOnceImplementing() {
        given(
                mou(),
                new ProgramLaunchedEvent(ID, LAUNCHED_ON, null),
                new MilestoneRecordedEvent(ID, "first joint workshop", LocalDate.of(2026, 2, 3)),
                new ImplementationStartedEvent(ID, LocalDate.of(2026, 3, 1), null));

        CommitmentView view = view();
        assertThat(view.status()).isEqualTo(LifecycleStatus.IMPLEMENTING);
        assertThat(view.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(3, "ImplementationStartedEvent"));
        assertThat(view.milestones()).hasSize(1);
    }

    @Test
    void fundingFoldsInStageByStage() {
        given(
                mou(),
                new FundingPledgedEvent(ID, "NSF", Money.atLeast("10000000", "USD"), LocalDate.of(2025, 11, 14)),
                new FundingCommittedEvent(ID, "MSIT", Money.of("5000000000", "KRW"), LocalDate.of(2026, 1, 2)),
                new FundingDisbursedEvent(ID, "NSF", Money.of("1250000.50", "USD"), LocalDate.of(2026, 2, 1)));

        CommitmentView view = view();
        assertThat(view.funding())
                .containsExactly(
                        new FundingEntryView(
                                1,
                                FundingStage.PLEDGED,
                                "NSF",
                                Money.atLeast("10000000", "USD"),
                                LocalDate.of(2025, 11, 14)),
                        new FundingEntryView(
                                2,
                                FundingStage.COMMITTED,
                                "MSIT",
                                Money.of("5000000000", "KRW"),
                                LocalDate.of(2026, 1, 2)),
                        new FundingEntryView(
                                3,
                                FundingStage.DISBURSED,
                                "NSF",
                                Money.of("1250000.50", "USD"),
                                LocalDate.of(2026, 2, 1)));
        assertThat(view.status()).isEqualTo(LifecycleStatus.PROPOSED);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(0, "MouProposedEvent"));
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void completionFoldsIn() {
        LocalDate completedOn = LocalDate.of(2026, 5, 31);
        given(
                mou(),
                new MouSignedEvent(ID, SIGNED_ON),
                new ProgramLaunchedEvent(ID, LAUNCHED_ON, null),
                new CommitmentCompletedEvent(ID, completedOn, "final report"));

        CommitmentView view = view();
        assertThat(view.status()).isEqualTo(LifecycleStatus.COMPLETED);
        assertThat(view.assessment()).isEqualTo(Assessment.COMPLETE);
        assertThat(view.completedOn()).isEqualTo(completedOn);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(3, "CommitmentCompletedEvent"));
    }

    @Test
    void cancellationKeepsTheAssessmentAndItsBasis() {
        LocalDate cancelledOn = LocalDate.of(2026, 4, 1);
        given(
                mou(),
                new MouSignedEvent(ID, SIGNED_ON),
                new CommitmentCancelledEvent(ID, cancelledOn, "superseded by a wider agreement"));

        CommitmentView view = view();
        assertThat(view.status()).isEqualTo(LifecycleStatus.CANCELLED);
        assertThat(view.assessment()).isEqualTo(Assessment.LIMITED);
        assertThat(view.cancelledOn()).isEqualTo(cancelledOn);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(1, "MouSignedEvent"));
    }

    @Test
    void suspensionKeepsTheAssessmentAndResumptionRestoresTheStatus() {
        given(
                mou(),
                new MouSignedEvent(ID, SIGNED_ON),
                new ProgramLaunchedEvent(ID, LAUNCHED_ON, null),
                new MilestoneRecordedEvent(ID, "first joint workshop", LocalDate.of(2026, 2, 3)),
                new CommitmentSuspendedEvent(ID, LocalDate.of(2026, 3, 1), LifecycleStatus.LAUNCHED, "review"));

        assertThat(view().status()).isEqualTo(LifecycleStatus.SUSPENDED);
        assertThat(view().assessment()).isEqualTo(Assessment.SUBSTANTIAL);

        apply(5, new CommitmentResumedEvent(ID, LocalDate.of(2026, 4, 1), LifecycleStatus.LAUNCHED, "approved"));

        CommitmentView view = view();
        assertThat(view.status()).isEqualTo(LifecycleStatus.LAUNCHED);
        assertThat(view.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
        assertThat(view.version()).isEqualTo(5);
    }

    @Test
    void correctedSignatureDateIsShown() {
        LocalDate corrected = SIGNED_ON.minusDays(2);
        given(
                mou(),
                new MouSignedEvent(ID, SIGNED_ON),
                new EntryCorrectedEvent(
                        ID,
                        1,
                        "MouSignedEvent",
                        null,
                        new CorrectedFields(SIGNED_ON, null, null, null),
                        new CorrectedFields(corrected, null, null, null),
                        "the ceremony was on the 18th"));

        CommitmentView view = view();
        assertThat(view.signedOn()).isEqualTo(corrected);
        assertThat(view.status()).isEqualTo(LifecycleStatus.SIGNED);
        assertThat(view.assessmentBasis()).containsExactly(new EventReference(1, "MouSignedEvent"));
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void correctedAnnouncementDateIsShown() {
        LocalDate corrected = TestEvents.ANNOUNCED_ON.minusDays(1);
        given(
                mou(),
                new EntryCorrectedEvent(
                        ID,
                        0,
                        "MouProposedEvent",
                        null,
                        new CorrectedFields(TestEvents.ANNOUNCED_ON, null, null, null),
                        new CorrectedFields(corrected, null, null, null),
                        "announced the day before"));

        assertThat(view().announcedOn()).isEqualTo(corrected);
    }

    @Test
    void correctedFundingAmountReplacesTheEntry() {
        LocalDate valueDate = LocalDate.of(2025, 11, 14);
        given(
                mou(),
                new FundingPledgedEvent(ID, "NSF", Money.of("10000000", "USD"), valueDate),
                new FundingPledgedEvent(ID, "MSIT", Money.of("3000000000", "KRW"), valueDate),
                new EntryCorrectedEvent(
                        ID,
                        1,
                        "FundingPledgedEvent",
                        "NSF",
                        new CorrectedFields(null, Money.of("10000000", "USD"), null, null),
                        new CorrectedFields(null, Money.atLeast("12000000", "USD"), null, null),
                        "the fact sheet says US$12M+"));

        assertThat(view().funding())
                .containsExactly(
                        new FundingEntryView(
                                1, FundingStage.PLEDGED, "NSF", Money.atLeast("12000000", "USD"), valueDate),
                        new FundingEntryView(
                                2, FundingStage.PLEDGED, "MSIT", Money.of("3000000000", "KRW"), valueDate));
    }

    @Test
    void correctedFundingValueDateKeepsTheAmount() {
        LocalDate valueDate = LocalDate.of(2025, 11, 14);
        LocalDate corrected = LocalDate.of(2025, 12, 1);
        given(
                mou(),
                new FundingPledgedEvent(ID, "NSF", Money.of("10000000", "USD"), valueDate),
                new EntryCorrectedEvent(
                        ID,
                        1,
                        "FundingPledgedEvent",
                        "NSF",
                        new CorrectedFields(valueDate, null, null, null),
                        new CorrectedFields(corrected, null, null, null),
                        "value date"));

        assertThat(view().funding())
                .containsExactly(
                        new FundingEntryView(1, FundingStage.PLEDGED, "NSF", Money.of("10000000", "USD"), corrected));
    }

    @Test
    void correctedMilestoneDateIsShown() {
        LocalDate achievedOn = LocalDate.of(2026, 2, 3);
        LocalDate corrected = LocalDate.of(2026, 2, 4);
        given(
                mou(),
                new ProgramLaunchedEvent(ID, LAUNCHED_ON, null),
                new MilestoneRecordedEvent(ID, "first joint workshop", achievedOn),
                new EntryCorrectedEvent(
                        ID,
                        2,
                        "MilestoneRecordedEvent",
                        null,
                        new CorrectedFields(achievedOn, null, null, null),
                        new CorrectedFields(corrected, null, null, null),
                        "time zones"));

        assertThat(view().milestones()).containsExactly(new MilestoneView(2, "first joint workshop", corrected));
        assertThat(view().launchedOn()).isEqualTo(LAUNCHED_ON);
    }

    @Test
    void correctedTitleIsShown() {
        MouProposedEvent proposal = mou();
        given(
                proposal,
                new EntryCorrectedEvent(
                        ID,
                        0,
                        "MouProposedEvent",
                        null,
                        new CorrectedFields(null, null, proposal.titleEn(), null),
                        new CorrectedFields(null, null, "Quantum Information Science MOU", null),
                        "official title"));

        CommitmentView view = view();
        assertThat(view.titleEn()).isEqualTo("Quantum Information Science MOU");
        assertThat(view.titleKo()).isEqualTo(proposal.titleKo());
        assertThat(view.announcedOn()).isEqualTo(TestEvents.ANNOUNCED_ON);
    }

    @Test
    void redeliveredEventChangesNothing() {
        MilestoneRecordedEvent milestone = new MilestoneRecordedEvent(ID, "first joint workshop", LAUNCHED_ON);
        FundingPledgedEvent pledge = new FundingPledgedEvent(ID, "NSF", Money.of("10000000", "USD"), LAUNCHED_ON);
        given(mou(), new ProgramLaunchedEvent(ID, LAUNCHED_ON, null), milestone, pledge);
        CommitmentView before = view();

        apply(2, milestone);
        apply(3, pledge);

        assertThat(view()).isEqualTo(before);
        assertThat(view().milestones()).hasSize(1);
        assertThat(view().funding()).hasSize(1);
    }

    @Test
    void redeliveredEarlierEventDoesNotTurnTheClockBack() {
        MouSignedEvent signed = new MouSignedEvent(ID, SIGNED_ON);
        given(mou(), signed, new ProgramLaunchedEvent(ID, LAUNCHED_ON, null));
        CommitmentView before = view();

        apply(0, mou());
        apply(1, signed);

        assertThat(view()).isEqualTo(before);
        assertThat(view().status()).isEqualTo(LifecycleStatus.LAUNCHED);
        assertThat(view().version()).isEqualTo(2);
    }

    @Test
    void eventOfUnknownCommitmentIsIgnored() {
        given(mou());
        CommitmentView before = view();

        projection.on(new MouSignedEvent("unknown", SIGNED_ON), 1, recordedAt(1));

        assertThat(projection.handle(new FindCommitmentQuery("unknown"))).isEmpty();
        assertThat(view()).isEqualTo(before);
        assertThat(database.count("commitment_view")).isEqualTo(1);
    }

    @Test
    void unknownCommitmentHasNoView() {
        assertThat(projection.handle(new FindCommitmentQuery("unknown"))).isEmpty();
    }

    @Test
    void commitmentsAreKeptApart() {
        given(mou(), new MouSignedEvent(ID, SIGNED_ON));
        projection.on(TestEvents.program("other", Area.BIOTECHNOLOGY), 0, recordedAt(0));

        assertThat(view().status()).isEqualTo(LifecycleStatus.SIGNED);
        CommitmentView other =
                projection.handle(new FindCommitmentQuery("other")).orElseThrow();
        assertThat(other.status()).isEqualTo(LifecycleStatus.PROPOSED);
        assertThat(other.area()).isEqualTo(Area.BIOTECHNOLOGY);
    }

    @Test
    void resetEmptiesIt() {
        given(mou(), new MouSignedEvent(ID, SIGNED_ON));

        projection.reset();

        assertThat(projection.handle(new FindCommitmentQuery(ID))).isEmpty();
        assertThat(database.count("commitment_view")).isZero();
    }

    @Test
    void axonRoutesProposalsToTheirOwnHandlersAndTheRestToTheGeneralOne() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        String type = "Commitment";

        adapter.handle(new GenericDomainEventMessage<>(type, ID, 0, mou(), Map.of(), "e-0", recordedAt(0)));
        adapter.handle(new GenericDomainEventMessage<>(
                type, ID, 1, new MouSignedEvent(ID, SIGNED_ON), Map.of(), "e-1", recordedAt(1)));

        CommitmentView view = view();
        assertThat(view.kind()).isEqualTo(CommitmentKind.MOU);
        assertThat(view.status()).isEqualTo(LifecycleStatus.SIGNED);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.lastRecordedAt()).isEqualTo(recordedAt(1));
    }
}
