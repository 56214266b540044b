package org.cetdialogue.tracker.command.commitment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.CLOCK;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TODAY;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TOMORROW;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.cancelled;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.completed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.fixture;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.implementing;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.launched;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouSigned;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.programProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.resumed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.suspended;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.violationOf;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.ChangeStatusCommand;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.commitment.StatusChange;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Implementation, suspension and resumption. */
class StatusChangeTest {

    private static final String REASON = "Budget under review";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(CLOCK);
    }

    private static ChangeStatusCommand change(String id, StatusChange change, String reason) {
        return new ChangeStatusCommand(id, change, TODAY, reason, null);
    }

    // ---- implementing ----

    @Test
    void canStartImplementingLaunchedProgram() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(change(PROGRAM_ID, StatusChange.IMPLEMENTING, "Joint projects under way"))
                .expectEvents(new ImplementationStartedEvent(PROGRAM_ID, TODAY, "Joint projects under way"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canStartImplementingSignedMou() {
        fixture.given(mouProposed(), mouSigned())
                .when(change(MOU_ID, StatusChange.IMPLEMENTING, null))
                .expectEvents(new ImplementationStartedEvent(MOU_ID, TODAY, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotStartImplementingProgramNotLaunched() {
        fixture.given(programProposed())
                .when(change(PROGRAM_ID, StatusChange.IMPLEMENTING, null))
                .expectException(violationOf(RuleCode.NOT_LAUNCHED))
                .expectExceptionMessage("a commitment is implemented only after it is launched")
                .expectNoEvents();
    }

    @Test
    void cannotStartImplementingUnsignedMou() {
        fixture.given(mouProposed())
                .when(change(MOU_ID, StatusChange.IMPLEMENTING, null))
                .expectException(violationOf(RuleCode.MOU_NOT_SIGNED))
                .expectExceptionMessage("an MOU is implemented only after it is signed")
                .expectNoEvents();
    }

    @Test
    void cannotStartImplementingTwice() {
        fixture.given(programProposed(), launched(PROGRAM_ID), implementing(PROGRAM_ID))
                .when(change(PROGRAM_ID, StatusChange.IMPLEMENTING, null))
                .expectException(violationOf(RuleCode.ALREADY_IMPLEMENTING))
                .expectExceptionMessage("the commitment is already being implemented")
                .expectNoEvents();
    }

    @Test
    void cannotStartImplementingSuspendedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(change(PROGRAM_ID, StatusChange.IMPLEMENTING, null))
                .expectException(violationOf(RuleCode.ALREADY_SUSPENDED))
                .expectExceptionMessage("the commitment is suspended; resume it first")
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(StatusChange.class)
    void cannotChangeStatusWithFutureDate(StatusChange change) {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new ChangeStatusCommand(PROGRAM_ID, change, TOMORROW, REASON, null))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(
                        "effectiveOn 2024-06-15 lies in the future; only something that already happened can be recorded")
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(StatusChange.class)
    void cannotChangeStatusOfCompletedCommitment(StatusChange change) {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(change(PROGRAM_ID, change, REASON))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is completed; only corrections are accepted")
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(StatusChange.class)
    void cannotChangeStatusOfCancelledCommitment(StatusChange change) {
        fixture.given(mouProposed(), cancelled(MOU_ID))
                .when(change(MOU_ID, change, REASON))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    // ---- suspending ----

    @Test
    void canSuspendWithReason() {
        fixture.given(programProposed(), launched(PROGRAM_ID), implementing(PROGRAM_ID))
                .when(change(PROGRAM_ID, StatusChange.SUSPENDED, REASON))
                .expectEvents(new CommitmentSuspendedEvent(PROGRAM_ID, TODAY, LifecycleStatus.IMPLEMENTING, REASON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void canSuspendProposedMou() {
        fixture.given(mouProposed())
                .when(change(MOU_ID, StatusChange.SUSPENDED, REASON))
                .expectEvents(new CommitmentSuspendedEvent(MOU_ID, TODAY, LifecycleStatus.PROPOSED, REASON));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\n"})
    void cannotSuspendWithoutReason(String reason) {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(change(PROGRAM_ID, StatusChange.SUSPENDED, reason))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("a reason is required for a suspension")
                .expectNoEvents();
    }

    @Test
    void cannotSuspendTwice() {
        fixture.given(programProposed(), launched(PROGRAM_ID), suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(change(PROGRAM_ID, StatusChange.SUSPENDED, REASON))
                .expectException(violationOf(RuleCode.ALREADY_SUSPENDED))
                .expectExceptionMessage("the commitment is already suspended")
                .expectNoEvents();
    }

    @Test
    void canSuspendAgainAfterResuming() {
        fixture.given(
                        programProposed(),
                        launched(PROGRAM_ID),
                        suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED),
                        resumed(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(change(PROGRAM_ID, StatusChange.SUSPENDED, REASON))
                .expectEvents(new CommitmentSuspendedEvent(PROGRAM_ID, TODAY, LifecycleStatus.LAUNCHED, REASON))
                .expectResultMessagePayload(4L);
    }

    // ---- resuming ----

    @Test
    void resumingReturnsToTheStatusBeforeSuspension() {
        fixture.given(
                        programProposed(),
                        launched(PROGRAM_ID),
                        implementing(PROGRAM_ID),
                        suspended(PROGRAM_ID, LifecycleStatus.IMPLEMENTING))
                .when(change(PROGRAM_ID, StatusChange.RESUMED, "Budget approved"))
                .expectEvents(
                        new CommitmentResumedEvent(PROGRAM_ID, TODAY, LifecycleStatus.IMPLEMENTING, "Budget approved"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void canResumeWithoutReason() {
        fixture.given(programProposed(), launched(PROGRAM_ID), suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(change(PROGRAM_ID, StatusChange.RESUMED, null))
                .expectEvents(new CommitmentResumedEvent(PROGRAM_ID, TODAY, LifecycleStatus.LAUNCHED, null));
    }

    @Test
    void resumedImplementationIsStillImplementing() {
        fixture.given(
                        programProposed(),
                        launched(PROGRAM_ID),
                        implementing(PROGRAM_ID),
                        suspended(PROGRAM_ID, LifecycleStatus.IMPLEMENTING),
                        resumed(PROGRAM_ID, LifecycleStatus.IMPLEMENTING))
                .when(change(PROGRAM_ID, StatusChange.IMPLEMENTING, null))
                .expectException(violationOf(RuleCode.ALREADY_IMPLEMENTING))
                .expectNoEvents();
    }

    @Test
    void resumedLaunchedProgramCanStartImplementing() {
        fixture.given(
                        programProposed(),
                        launched(PROGRAM_ID),
                        suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED),
                        resumed(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(change(PROGRAM_ID, StatusChange.IMPLEMENTING, null))
                .expectEvents(new ImplementationStartedEvent(PROGRAM_ID, TODAY, null));
    }

    @Test
    void resumedProposedProgramCanBeLaunched() {
        fixture.given(
                        programProposed(),
                        suspended(PROGRAM_ID, LifecycleStatus.PROPOSED),
                        resumed(PROGRAM_ID, LifecycleStatus.PROPOSED))
                .when(new LaunchProgramCommand(PROGRAM_ID, TODAY, null, null))
                .expectEvents(new ProgramLaunchedEvent(PROGRAM_ID, TODAY, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotResumeCommitmentThatIsNotSuspended() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(change(PROGRAM_ID, StatusChange.RESUMED, null))
                .expectException(violationOf(RuleCode.NOT_SUSPENDED))
                .expectExceptionMessage("only a suspended commitment can be resumed")
                .expectNoEvents();
    }

    @Test
    void cannotResumeTwice() {
        fixture.given(
                        programProposed(),
                        launched(PROGRAM_ID),
                        suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED),
                        resumed(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(change(PROGRAM_ID, StatusChange.RESUMED, null))
                .expectException(violationOf(RuleCode.NOT_SUSPENDED))
                .expectNoEvents();
    }

    // ---- the command record checks its own arguments ----

    @Test
    void changeStatusCommandRequiresChangeAndDate() {
        assertThatThrownBy(() -> new ChangeStatusCommand(PROGRAM_ID, null, TODAY, REASON, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("change is required");
        assertThatThrownBy(() -> new ChangeStatusCommand(PROGRAM_ID, StatusChange.SUSPENDED, null, REASON, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("effectiveOn is required");
        assertThatThrownBy(() ->
                        new ChangeStatusCommand(PROGRAM_ID, StatusChange.SUSPENDED, TODAY, "x".repeat(2001), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason is longer than 2000 characters");
    }
}
