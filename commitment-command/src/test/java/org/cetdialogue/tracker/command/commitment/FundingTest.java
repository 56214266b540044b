package org.cetdialogue.tracker.command.commitment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.CLOCK;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MSIT;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.NSF;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TODAY;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TOMORROW;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.cancelled;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.completed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.fixture;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.launched;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.pledged;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.programProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.suspended;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.violationOf;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.FundingCommittedEvent;
import org.cetdialogue.tracker.api.commitment.FundingDisbursedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.funding.CommitFundingCommand;
import org.cetdialogue.tracker.api.funding.DisburseFundingCommand;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pledged, committed and disbursed money: separate facts with their own date rules. */
class FundingTest {

    private static final Money TEN_MILLION_PLUS = Money.atLeast("10000000", "USD");
    private static final LocalDate NEXT_YEAR = LocalDate.of(2025, 1, 1);

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(CLOCK);
    }

    // ---- pledges ----

    @Test
    void canPledgeFundingToProposedCommitment() {
        fixture.given(programProposed())
                .when(new PledgeFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, LocalDate.of(2024, 1, 1), null))
                .expectEvents(pledged(PROGRAM_ID))
                .expectResultMessagePayload(1L);
    }

    @Test
    void canPledgeFundingWithFutureValueDate() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new PledgeFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, NEXT_YEAR, null))
                .expectEvents(new FundingPledgedEvent(PROGRAM_ID, NSF, TEN_MILLION_PLUS, NEXT_YEAR))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canPledgeFundingToSuspendedCommitment() {
        fixture.given(programProposed(), suspended(PROGRAM_ID, LifecycleStatus.PROPOSED))
                .when(new PledgeFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, TODAY, null))
                .expectEvents(new FundingPledgedEvent(PROGRAM_ID, NSF, TEN_MILLION_PLUS, TODAY));
    }

    @Test
    void canPledgeWonWithoutDecimals() {
        Money won = Money.of("13000000000", "KRW");

        fixture.given(programProposed())
                .when(new PledgeFundingCommand(PROGRAM_ID, MSIT, won, TODAY, null))
                .expectEvents(new FundingPledgedEvent(PROGRAM_ID, MSIT, won, TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-0.01"})
    void cannotPledgeNonPositiveAmount(String amount) {
        fixture.given(programProposed())
                .when(new PledgeFundingCommand(PROGRAM_ID, NSF, Money.of(amount, "USD"), TODAY, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("amount must be positive")
                .expectNoEvents();
    }

    @Test
    void cannotPledgeFundingToCancelledCommitment() {
        fixture.given(programProposed(), cancelled(PROGRAM_ID))
                .when(new PledgeFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is cancelled; only corrections are accepted")
                .expectNoEvents();
    }

    @Test
    void cannotPledgeFundingToCompletedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(new PledgeFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    // ---- commitments of funds ----

    @Test
    void canCommitFunding() {
        Money won = Money.of("13000000000", "KRW");

        fixture.given(programProposed(), pledged(PROGRAM_ID))
                .when(new CommitFundingCommand(PROGRAM_ID, MSIT, won, TODAY, null))
                .expectEvents(new FundingCommittedEvent(PROGRAM_ID, MSIT, won, TODAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canCommitFundingWithFutureValueDate() {
        fixture.given(programProposed())
                .when(new CommitFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, NEXT_YEAR, null))
                .expectEvents(new FundingCommittedEvent(PROGRAM_ID, NSF, TEN_MILLION_PLUS, NEXT_YEAR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5000"})
    void cannotCommitNonPositiveAmount(String amount) {
        fixture.given(programProposed())
                .when(new CommitFundingCommand(PROGRAM_ID, MSIT, Money.of(amount, "KRW"), TODAY, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("amount must be positive")
                .expectNoEvents();
    }

    @Test
    void cannotCommitFundingToCompletedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(new CommitFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is completed; only corrections are accepted")
                .expectNoEvents();
    }

    @Test
    void cannotCommitFundingToCancelledCommitment() {
        fixture.given(mouProposed(), cancelled(MOU_ID))
                .when(new CommitFundingCommand(MOU_ID, NSF, TEN_MILLION_PLUS, TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    // ---- disbursements ----

    @Test
    void canDisburseFundingDatedToday() {
        Money amount = Money.of("2500000", "USD");

        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new DisburseFundingCommand(PROGRAM_ID, NSF, amount, TODAY, null))
                .expectEvents(new FundingDisbursedEvent(PROGRAM_ID, NSF, amount, TODAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotDisburseFundingWithFutureValueDate() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new DisburseFundingCommand(PROGRAM_ID, NSF, Money.of("2500000", "USD"), TOMORROW, null))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(
                        "valueDate 2024-06-15 lies in the future; only something that already happened can be recorded")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2500000"})
    void cannotDisburseNonPositiveAmount(String amount) {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(new DisburseFundingCommand(PROGRAM_ID, NSF, Money.of(amount, "USD"), TODAY, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("amount must be positive")
                .expectNoEvents();
    }

    @Test
    void cannotDisburseFundingToCancelledCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), cancelled(PROGRAM_ID))
                .when(new DisburseFundingCommand(PROGRAM_ID, NSF, Money.of("2500000", "USD"), TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void cannotDisburseFundingToCompletedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(new DisburseFundingCommand(PROGRAM_ID, NSF, Money.of("2500000", "USD"), TODAY, null))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    // ---- the command records check their own arguments ----

    @Test
    void fundingCommandsRequireFunder() {
        assertThatThrownBy(() -> new PledgeFundingCommand(PROGRAM_ID, " ", TEN_MILLION_PLUS, TODAY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("funder is required");
        assertThatThrownBy(() -> new CommitFundingCommand(PROGRAM_ID, null, TEN_MILLION_PLUS, TODAY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("funder is required");
        assertThatThrownBy(() -> new DisburseFundingCommand(PROGRAM_ID, "x".repeat(201), TEN_MILLION_PLUS, TODAY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("funder is longer than 200 characters");
    }

    @Test
    void fundingCommandsRequireAmountAndValueDate() {
        assertThatThrownBy(() -> new PledgeFundingCommand(PROGRAM_ID, NSF, null, TODAY, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("amount is required");
        assertThatThrownBy(() -> new DisburseFundingCommand(PROGRAM_ID, NSF, TEN_MILLION_PLUS, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("valueDate is required");
    }
}
