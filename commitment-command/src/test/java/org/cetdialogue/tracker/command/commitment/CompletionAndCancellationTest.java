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
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.pledged;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.programProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.suspended;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.violationOf;
import static org.hamcrest.Matchers.startsWith;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.CancelCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CompleteCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The two ways a commitment closes: completed or cancelled. */
class CompletionAndCancellationTest {

    private static final String NOTE = "Final report delivered";
    private static final String REASON = "Superseded by a broader agreement";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(CLOCK);
    }

    private static CompleteCommitmentCommand complete(String id) {
        return new CompleteCommitmentCommand(id, TODAY, NOTE, null);
    }

    private static CancelCommitmentCommand cancel(String id) {
        return new CancelCommitmentCommand(id, TODAY, REASON, null);
    }

    // ---- completing ----

    @Test
    void canCompleteLaunchedProgram() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(complete(PROGRAM_ID))
                .expectEvents(new CommitmentCompletedEvent(PROGRAM_ID, TODAY, NOTE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canCompleteProgramBeingImplemented() {
        fixture.given(programProposed(), launched(PROGRAM_ID), implementing(PROGRAM_ID))
                .when(complete(PROGRAM_ID))
                .expectEvents(new CommitmentCompletedEvent(PROGRAM_ID, TODAY, NOTE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void canCompleteSignedMou() {
        fixture.given(mouProposed(), mouSigned())
                .when(new CompleteCommitmentCommand(MOU_ID, TODAY, null, null))
                .expectEvents(new CommitmentCompletedEvent(MOU_ID, TODAY, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotCompleteProgramNotLaunched() {
        fixture.given(programProposed(), pledged(PROGRAM_ID))
                .when(complete(PROGRAM_ID))
                .expectException(violationOf(RuleCode.NOT_LAUNCHED))
                .expectExceptionMessage("a commitment is completed only after it was launched")
                .expectNoEvents();
    }

    @Test
    void cannotCompleteUnsignedMou() {
        fixture.given(mouProposed())
                .when(complete(MOU_ID))
                .expectException(violationOf(RuleCode.MOU_NOT_SIGNED))
                .expectExceptionMessage("a commitment is completed only after it was signed")
                .expectNoEvents();
    }

    @Test
    void cannotCompleteSuspendedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(complete(PROGRAM_ID))
                .expectException(violationOf(RuleCode.ALREADY_SUSPENDED))
                .expectExceptionMessage("the commitment is suspended; resume it first")
                .expectNoEvents();
    }

    @Test
    void cannotCompleteTwice() {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(complete(PROGRAM_ID))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is completed; only corrections are accepted")
                .expectNoEvents();
    }

    @Test
    void cannotCompleteCancelledCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), cancelled(PROGRAM_ID))
                .when(complete(PROGRAM_ID))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void cannotRecordFutureCompletion() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new CompleteCommitmentCommand(PROGRAM_ID, TOMORROW, NOTE, null))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(startsWith("completedOn 2024-06-15 lies in the future"))
                .expectNoEvents();
    }

    @Test
    void completeCommitmentCommandRequiresDate() {
        assertThatThrownBy(() -> new CompleteCommitmentCommand(PROGRAM_ID, null, NOTE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("completedOn is required");
    }

    // ---- cancelling ----

    @Test
    void canCancelProposedCommitment() {
        fixture.given(programProposed())
                .when(cancel(PROGRAM_ID))
                .expectEvents(new CommitmentCancelledEvent(PROGRAM_ID, TODAY, REASON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void canCancelSignedMou() {
        fixture.given(mouProposed(), mouSigned())
                .when(cancel(MOU_ID))
                .expectEvents(new CommitmentCancelledEvent(MOU_ID, TODAY, REASON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canCancelSuspendedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(cancel(PROGRAM_ID))
                .expectEvents(new CommitmentCancelledEvent(PROGRAM_ID, TODAY, REASON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotCancelTwice() {
        fixture.given(programProposed(), cancelled(PROGRAM_ID))
                .when(cancel(PROGRAM_ID))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is cancelled; only corrections are accepted")
                .expectNoEvents();
    }

    @Test
    void cannotCancelCompletedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(cancel(PROGRAM_ID))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void cannotRecordFutureCancellation() {
        fixture.given(programProposed())
                .when(new CancelCommitmentCommand(PROGRAM_ID, TOMORROW, REASON, null))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(startsWith("cancelledOn 2024-06-15 lies in the future"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void cancelCommitmentCommandRequiresReason(String reason) {
        assertThatThrownBy(() -> new CancelCommitmentCommand(PROGRAM_ID, TODAY, reason, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason is required");
    }

    @Test
    void cancelCommitmentCommandRequiresDate() {
        assertThatThrownBy(() -> new CancelCommitmentCommand(PROGRAM_ID, null, REASON, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("cancelledOn is required");
    }
}
