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
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.launched;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.milestone;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouSigned;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.programProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.suspended;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.violationOf;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.RecordMilestoneCommand;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MilestoneTest {

    private static final String SELECTED = "Twelve joint projects selected";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(CLOCK);
    }

    @Test
    void canRecordMilestoneOfLaunchedProgram() {
        LocalDate achievedOn = LocalDate.of(2024, 5, 10);

        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new RecordMilestoneCommand(PROGRAM_ID, SELECTED, achievedOn, null))
                .expectEvents(new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, achievedOn))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canRecordMilestoneReachedToday() {
        fixture.given(mouProposed(), mouSigned())
                .when(new RecordMilestoneCommand(MOU_ID, "Joint workshop held", TODAY, null))
                .expectEvents(new MilestoneRecordedEvent(MOU_ID, "Joint workshop held", TODAY));
    }

    @Test
    void canRecordSeveralMilestones() {
        fixture.given(programProposed(), launched(PROGRAM_ID), milestone(PROGRAM_ID))
                .when(new RecordMilestoneCommand(PROGRAM_ID, "Mid-term review", TODAY, null))
                .expectEvents(new MilestoneRecordedEvent(PROGRAM_ID, "Mid-term review", TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void canRecordMilestoneWhileSuspended() {
        fixture.given(programProposed(), launched(PROGRAM_ID), suspended(PROGRAM_ID, LifecycleStatus.LAUNCHED))
                .when(new RecordMilestoneCommand(PROGRAM_ID, SELECTED, TODAY, null))
                .expectEvents(new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, TODAY));
    }

    @Test
    void cannotRecordFutureMilestone() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new RecordMilestoneCommand(PROGRAM_ID, SELECTED, TOMORROW, null))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(
                        "achievedOn 2024-06-15 lies in the future; only something that already happened can be recorded")
                .expectNoEvents();
    }

    @Test
    void cannotRecordMilestoneOfCompletedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(new RecordMilestoneCommand(PROGRAM_ID, SELECTED, TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is completed; only corrections are accepted")
                .expectNoEvents();
    }

    @Test
    void cannotRecordMilestoneOfCancelledCommitment() {
        fixture.given(programProposed(), cancelled(PROGRAM_ID))
                .when(new RecordMilestoneCommand(PROGRAM_ID, SELECTED, TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void recordMilestoneCommandRequiresDescriptionAndDate() {
        assertThatThrownBy(() -> new RecordMilestoneCommand(PROGRAM_ID, "", TODAY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description is required");
        assertThatThrownBy(() -> new RecordMilestoneCommand(PROGRAM_ID, SELECTED, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("achievedOn is required");
    }
}
