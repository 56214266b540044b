package org.cetdialogue.tracker.gateway.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CancelCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ChangeStatusCommand;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CompleteCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.CorrectEntryCommand;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;
import org.cetdialogue.tracker.api.commitment.ProposeCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ProposeMouCommand;
import org.cetdialogue.tracker.api.commitment.RecordMilestoneCommand;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.api.commitment.StatusChange;
import org.cetdialogue.tracker.api.funding.CommitFundingCommand;
import org.cetdialogue.tracker.api.funding.DisburseFundingCommand;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each request body maps itself to its command, with the commitment and version it is given. */
class CommitmentRequestsTest {

    private static final String ID = "quantum-nist-kriss-mou";
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final LocalDate TARGET = DAY.plusYears(1);
    private static final String TITLE_EN = "Quantum MOU";
    private static final String TITLE_KO = "양자 양해각서";
    private static final String CITATION = "fact sheet";
    private static final List<Party> PARTIES =
            List.of(new Party("NIST", "미국 국립표준기술연구소", Country.US, PartyRole.SIGNATORY));

    @Test
    void anMouProposalProposesAnMou() {
        assertThat(proposal(CommitmentKind.MOU).toCommand())
                .isEqualTo(new ProposeMouCommand(ID, Area.QUANTUM, TITLE_EN, TITLE_KO, PARTIES, CITATION, TARGET, DAY));
    }

    @ParameterizedTest
    @EnumSource(value = CommitmentKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MOU")
    void everyOtherKindProposesACommitmentOfThatKind(CommitmentKind kind) {
        assertThat(proposal(kind).toCommand())
                .isEqualTo(new ProposeCommitmentCommand(
                        ID, Area.QUANTUM, kind, TITLE_EN, TITLE_KO, PARTIES, CITATION, TARGET, DAY));
    }

    @Test
    void eachStepOfTheLifecycleMapsToItsCommandWithTheGivenVersion() {
        assertThat(new SignMouRequest(DAY).toCommand(ID, 3L)).isEqualTo(new SignMouCommand(ID, DAY, 3L));
        assertThat(new LaunchProgramRequest(DAY, "kick-off").toCommand(ID, null))
                .isEqualTo(new LaunchProgramCommand(ID, DAY, "kick-off", null));
        assertThat(new RecordMilestoneRequest("first call", DAY).toCommand(ID, 4L))
                .isEqualTo(new RecordMilestoneCommand(ID, "first call", DAY, 4L));
        assertThat(new ChangeStatusRequest(StatusChange.SUSPENDED, DAY, "budget").toCommand(ID, 5L))
                .isEqualTo(new ChangeStatusCommand(ID, StatusChange.SUSPENDED, DAY, "budget", 5L));
        assertThat(new CompleteCommitmentRequest(DAY, "done").toCommand(ID, 6L))
                .isEqualTo(new CompleteCommitmentCommand(ID, DAY, "done", 6L));
        assertThat(new CancelCommitmentRequest(DAY, "withdrawn").toCommand(ID, 7L))
                .isEqualTo(new CancelCommitmentCommand(ID, DAY, "withdrawn", 7L));
    }

    @Test
    void onlyTheRequestsThatGiveAReasonHaveOne() {
        assertThat(new ChangeStatusRequest(StatusChange.SUSPENDED, DAY, "budget").reason())
                .isEqualTo("budget");
        assertThat(new CancelCommitmentRequest(DAY, "withdrawn").reason()).isEqualTo("withdrawn");
        assertThat(new CorrectEntryRequest(0L, "typo", null, null, null, null, "Fixed", null).reason())
                .isEqualTo("typo");
        assertThat(new SignMouRequest(DAY).reason()).isNull();
        assertThat(new LaunchProgramRequest(DAY, "note is not a reason").reason())
                .isNull();
        assertThat(new CompleteCommitmentRequest(DAY, "note is not a reason").reason())
                .isNull();
        assertThat(funding(null).as(FundingStage.PLEDGED).reason()).isNull();
    }

    @Test
    void oneFundingBodyRecordsEachStage() {
        Money money = Money.atLeast("10000000", "USD");

        assertThat(funding(true).as(FundingStage.PLEDGED).toCommand(ID, 1L))
                .isEqualTo(new PledgeFundingCommand(ID, "NSF", money, DAY, 1L));
        assertThat(funding(true).as(FundingStage.COMMITTED).toCommand(ID, null))
                .isEqualTo(new CommitFundingCommand(ID, "NSF", money, DAY, null));
        assertThat(funding(true).as(FundingStage.DISBURSED).toCommand(ID, 2L))
                .isEqualTo(new DisburseFundingCommand(ID, "NSF", money, DAY, 2L));
    }

    @Test
    void anAmountIsALowerBoundOnlyWhenSaidSo() {
        PledgeFundingCommand unsaid =
                (PledgeFundingCommand) funding(null).as(FundingStage.PLEDGED).toCommand(ID, null);

        assertThat(unsaid.amount()).isEqualTo(Money.of("10000000", "USD"));
    }

    @Test
    void aCorrectionCarriesOnlyTheFieldsItChanges() {
        assertThat(new CorrectEntryRequest(2L, "typo", DAY, new BigDecimal("5000000"), "KRW", null, null, "새 제목")
                        .toCommand(ID, 8L))
                .isEqualTo(new CorrectEntryCommand(
                        ID, 2L, new CorrectedFields(DAY, Money.of("5000000", "KRW"), null, "새 제목"), "typo", 8L));
    }

    @Test
    void aCorrectedAmountNeedsItsCurrency() {
        CorrectEntryRequest halfAmount =
                new CorrectEntryRequest(2L, "typo", null, BigDecimal.TEN, null, null, null, null);

        assertThatThrownBy(() -> halfAmount.toCommand(ID, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a corrected amount needs both amount and currency");
    }

    private static ProposeCommitmentRequest proposal(CommitmentKind kind) {
        List<PartyRequest> parties = PARTIES.stream().map(PartyRequest::of).toList();
        return new ProposeCommitmentRequest(ID, Area.QUANTUM, kind, TITLE_EN, TITLE_KO, parties, CITATION, TARGET, DAY);
    }

    private static FundingRequest funding(Boolean lowerBound) {
        return new FundingRequest("NSF", new BigDecimal("10000000"), "USD", lowerBound, DAY);
    }
}
