package org.cetdialogue.tracker.query.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.query.TestEvents;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final String ID = "semiconductor-mou";
    private static final LocalDate ON = LocalDate.of(2025, 12, 1);

    private static final MouSignedEvent SIGNED = new MouSignedEvent(ID, ON);
    private static final ProgramLaunchedEvent LAUNCHED = new ProgramLaunchedEvent(ID, ON, "kick-off");
    private static final MilestoneRecordedEvent MILESTONE = new MilestoneRecordedEvent(ID, "first call closed", ON);
    private static final ImplementationStartedEvent IMPLEMENTING = new ImplementationStartedEvent(ID, ON, null);
    private static final CommitmentCompletedEvent COMPLETED = new CommitmentCompletedEvent(ID, ON, null);

    private static Progress after(CommitmentEvent... events) {
        Progress progress = Progress.PROPOSED;
        for (CommitmentEvent event : events) {
            progress = progress.next(event);
        }
        return progress;
    }

    private static CommitmentSuspendedEvent suspended(LifecycleStatus from) {
        return new CommitmentSuspendedEvent(ID, ON, from, "budget review");
    }

    private static CommitmentResumedEvent resumed(LifecycleStatus to) {
        return new CommitmentResumedEvent(ID, ON, to, "budget approved");
    }

    private static CommitmentCancelledEvent cancelled() {
        return new CommitmentCancelledEvent(ID, ON, "superseded");
    }

    @Test
    void proposedCommitmentIsNotStarted() {
        assertThat(Progress.PROPOSED).isEqualTo(new Progress(LifecycleStatus.PROPOSED, LifecycleStatus.PROPOSED, 0));
        assertThat(Progress.PROPOSED.assessment()).isEqualTo(Assessment.NOT_STARTED);
    }

    @Test
    void proposalEventsStartFromProposed() {
        Progress launched = after(LAUNCHED, MILESTONE);

        assertThat(launched.next(TestEvents.program(ID, Area.QUANTUM))).isEqualTo(Progress.PROPOSED);
        assertThat(launched.next(TestEvents.mou(ID, Area.QUANTUM))).isEqualTo(Progress.PROPOSED);
    }

    @Test
    void signedMouIsLimited() {
        Progress progress = after(SIGNED);

        assertThat(progress).isEqualTo(new Progress(LifecycleStatus.SIGNED, LifecycleStatus.SIGNED, 0));
        assertThat(progress.assessment()).isEqualTo(Assessment.LIMITED);
    }

    @Test
    void launchedWithoutMilestoneIsLimited() {
        Progress progress = after(SIGNED, LAUNCHED);

        assertThat(progress.status()).isEqualTo(LifecycleStatus.LAUNCHED);
        assertThat(progress.assessment()).isEqualTo(Assessment.LIMITED);
        assertThat(progress.milestonesCount()).isFalse();
    }

    @Test
    void launchedWithMilestoneIsSubstantial() {
        Progress progress = after(LAUNCHED, MILESTONE);

        assertThat(progress).isEqualTo(new Progress(LifecycleStatus.LAUNCHED, LifecycleStatus.LAUNCHED, 1));
        assertThat(progress.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
        assertThat(progress.milestonesCount()).isTrue();
    }

    @Test
    void milestonesAreCounted() {
        assertThat(after(LAUNCHED, MILESTONE, MILESTONE, MILESTONE).milestones())
                .isEqualTo(3);
    }

    @Test
    void milestoneOfProposedCommitmentLeavesItNotStarted() {
        Progress progress = after(MILESTONE);

        assertThat(progress.status()).isEqualTo(LifecycleStatus.PROPOSED);
        assertThat(progress.assessment()).isEqualTo(Assessment.NOT_STARTED);
        assertThat(progress.milestonesCount()).isFalse();
    }

    @Test
    void implementingIsSubstantial() {
        Progress progress = after(SIGNED, LAUNCHED, IMPLEMENTING);

        assertThat(progress.status()).isEqualTo(LifecycleStatus.IMPLEMENTING);
        assertThat(progress.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
    }

    @Test
    void milestonesStopCountingOnceImplementing() {
        Progress progress = after(LAUNCHED, MILESTONE, IMPLEMENTING);

        assertThat(progress.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
        assertThat(progress.milestonesCount()).isFalse();
    }

    @Test
    void completedIsComplete() {
        Progress progress = after(SIGNED, LAUNCHED, IMPLEMENTING, COMPLETED);

        assertThat(progress).isEqualTo(new Progress(LifecycleStatus.COMPLETED, LifecycleStatus.COMPLETED, 0));
        assertThat(progress.assessment()).isEqualTo(Assessment.COMPLETE);
    }

    @Test
    void suspensionKeepsAssessmentReached() {
        Progress signed = after(SIGNED, suspended(LifecycleStatus.SIGNED));
        Progress launchedWithMilestone = after(LAUNCHED, MILESTONE, suspended(LifecycleStatus.LAUNCHED));
        Progress implementing = after(LAUNCHED, IMPLEMENTING, suspended(LifecycleStatus.IMPLEMENTING));

        assertThat(signed.status()).isEqualTo(LifecycleStatus.SUSPENDED);
        assertThat(signed.reached()).isEqualTo(LifecycleStatus.SIGNED);
        assertThat(signed.assessment()).isEqualTo(Assessment.LIMITED);
        assertThat(launchedWithMilestone.status()).isEqualTo(LifecycleStatus.SUSPENDED);
        assertThat(launchedWithMilestone.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
        assertThat(implementing.status()).isEqualTo(LifecycleStatus.SUSPENDED);
        assertThat(implementing.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
    }

    @Test
    void suspendedProposalIsStillNotStarted() {
        Progress progress = after(suspended(LifecycleStatus.PROPOSED));

        assertThat(progress.status()).isEqualTo(LifecycleStatus.SUSPENDED);
        assertThat(progress.assessment()).isEqualTo(Assessment.NOT_STARTED);
    }

    @Test
    void cancellationKeepsAssessmentReached() {
        assertThat(after(cancelled()).assessment()).isEqualTo(Assessment.NOT_STARTED);
        assertThat(after(SIGNED, cancelled()).assessment()).isEqualTo(Assessment.LIMITED);
        assertThat(after(LAUNCHED, MILESTONE, cancelled()).assessment()).isEqualTo(Assessment.SUBSTANTIAL);

        Progress implementing = after(LAUNCHED, IMPLEMENTING, cancelled());
        assertThat(implementing.status()).isEqualTo(LifecycleStatus.CANCELLED);
        assertThat(implementing.reached()).isEqualTo(LifecycleStatus.IMPLEMENTING);
        assertThat(implementing.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
    }

    @Test
    void resumptionReturnsToStatusBeforeSuspension() {
        Progress progress = after(
                LAUNCHED,
                MILESTONE,
                IMPLEMENTING,
                suspended(LifecycleStatus.IMPLEMENTING),
                resumed(LifecycleStatus.IMPLEMENTING));

        assertThat(progress).isEqualTo(new Progress(LifecycleStatus.IMPLEMENTING, LifecycleStatus.IMPLEMENTING, 1));
        assertThat(progress.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
    }

    @Test
    void resumedSignedMouIsSignedAgain() {
        Progress progress = after(SIGNED, suspended(LifecycleStatus.SIGNED), resumed(LifecycleStatus.SIGNED));

        assertThat(progress.status()).isEqualTo(LifecycleStatus.SIGNED);
        assertThat(progress.assessment()).isEqualTo(Assessment.LIMITED);
    }

    @Test
    void milestoneWhileSuspendedIsCountedForTheLaunch() {
        Progress progress = after(LAUNCHED, suspended(LifecycleStatus.LAUNCHED), MILESTONE);

        assertThat(progress.status()).isEqualTo(LifecycleStatus.SUSPENDED);
        assertThat(progress.assessment()).isEqualTo(Assessment.SUBSTANTIAL);
    }

    @Test
    void fundingAndCorrectionsDoNotMoveTheLifecycle() {
        Progress launched = after(LAUNCHED);
        FundingPledgedEvent pledge = new FundingPledgedEvent(ID, "NSF", Money.of("10000000", "USD"), ON);
        EntryCorrectedEvent correction = new EntryCorrectedEvent(
                ID,
                1,
                "ProgramLaunchedEvent",
                null,
                new CorrectedFields(ON, null, null, null),
                new CorrectedFields(ON.minusDays(1), null, null, null),
                "typo");

        assertThat(launched.next(pledge)).isEqualTo(launched);
        assertThat(launched.next(correction)).isEqualTo(launched);
    }

    @Test
    void stepsAreTheEventsThatMoveTheCommitmentFurther() {
        List<CommitmentEvent> steps = List.of(
                TestEvents.program(ID, Area.QUANTUM),
                TestEvents.mou(ID, Area.QUANTUM),
                SIGNED,
                LAUNCHED,
                IMPLEMENTING,
                COMPLETED);
        List<CommitmentEvent> others = List.of(
                MILESTONE,
                suspended(LifecycleStatus.LAUNCHED),
                resumed(LifecycleStatus.LAUNCHED),
                cancelled(),
                new FundingPledgedEvent(ID, "NSF", Money.of("10000000", "USD"), ON));

        assertThat(steps).allMatch(Progress::isStep);
        assertThat(others).noneMatch(Progress::isStep);
    }
}
