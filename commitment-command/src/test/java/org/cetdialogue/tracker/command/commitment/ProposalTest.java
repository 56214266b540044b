package org.cetdialogue.tracker.command.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.CITATION;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.CLOCK;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_PARTIES;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_PROPOSED_ON;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_TITLE_EN;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_TITLE_KO;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_ANNOUNCED_ON;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_PARTIES;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_TARGET;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_TITLE_EN;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_TITLE_KO;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TODAY;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TOMORROW;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.fixture;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.programProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.violationOf;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;
import org.cetdialogue.tracker.api.commitment.ProposeCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ProposeMouCommand;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProposalTest {

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(CLOCK);
    }

    private static ProposeMouCommand proposeMou(LocalDate proposedOn) {
        return new ProposeMouCommand(
                MOU_ID,
                Area.BIOTECHNOLOGY,
                MOU_TITLE_EN,
                MOU_TITLE_KO,
                MOU_PARTIES,
                CITATION,
                LocalDate.of(2023, 6, 30),
                proposedOn);
    }

    private static ProposeCommitmentCommand proposeProgram(LocalDate announcedOn) {
        return new ProposeCommitmentCommand(
                PROGRAM_ID,
                Area.BIOTECHNOLOGY,
                CommitmentKind.PROGRAM,
                PROGRAM_TITLE_EN,
                PROGRAM_TITLE_KO,
                PROGRAM_PARTIES,
                CITATION,
                PROGRAM_TARGET,
                announcedOn);
    }

    @Test
    void canProposeMou() {
        fixture.givenNoPriorActivity().when(proposeMou(MOU_PROPOSED_ON)).expectEvents(mouProposed());
    }

    @Test
    void canProposeProgram() {
        fixture.givenNoPriorActivity()
                .when(proposeProgram(PROGRAM_ANNOUNCED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(programProposed());
    }

    @ParameterizedTest
    @EnumSource(
            value = CommitmentKind.class,
            names = {"MOU"},
            mode = EnumSource.Mode.EXCLUDE)
    void canProposeEveryKindButMouAsCommitment(CommitmentKind kind) {
        fixture.givenNoPriorActivity()
                .when(new ProposeCommitmentCommand(
                        PROGRAM_ID,
                        Area.QUANTUM,
                        kind,
                        PROGRAM_TITLE_EN,
                        PROGRAM_TITLE_KO,
                        PROGRAM_PARTIES,
                        null,
                        null,
                        PROGRAM_ANNOUNCED_ON))
                .expectEvents(new CommitmentProposedEvent(
                        PROGRAM_ID,
                        Area.QUANTUM,
                        kind,
                        PROGRAM_TITLE_EN,
                        PROGRAM_TITLE_KO,
                        PROGRAM_PARTIES,
                        null,
                        null,
                        PROGRAM_ANNOUNCED_ON));
    }

    @Test
    void acceptsProposalAnnouncedToday() {
        fixture.givenNoPriorActivity()
                .when(proposeMou(TODAY))
                .expectEvents(new MouProposedEvent(
                        MOU_ID,
                        Area.BIOTECHNOLOGY,
                        MOU_TITLE_EN,
                        MOU_TITLE_KO,
                        MOU_PARTIES,
                        CITATION,
                        LocalDate.of(2023, 6, 30),
                        TODAY));
    }

    @Test
    void cannotProposeCommitmentAnnouncedInFuture() {
        fixture.givenNoPriorActivity()
                .when(proposeProgram(TOMORROW))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage("announcedOn 2024-06-15 lies in the future;"
                        + " only something that already happened can be recorded")
                .expectNoEvents();
    }

    @Test
    void cannotProposeMouInFuture() {
        fixture.givenNoPriorActivity()
                .when(proposeMou(TOMORROW))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(startsWith("proposedOn 2024-06-15 lies in the future"))
                .expectNoEvents();
    }

    // ---- the command records check their own arguments ----

    @Test
    void proposeCommitmentCommandRefusesMouKind() {
        assertThatThrownBy(() -> new ProposeCommitmentCommand(
                        PROGRAM_ID,
                        Area.BIOTECHNOLOGY,
                        CommitmentKind.MOU,
                        PROGRAM_TITLE_EN,
                        PROGRAM_TITLE_KO,
                        PROGRAM_PARTIES,
                        CITATION,
                        null,
                        PROGRAM_ANNOUNCED_ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an MOU is proposed with ProposeMouCommand");
    }

    @Test
    void proposalCommandsRefuseInvalidIdentifier() {
        assertThatThrownBy(() -> new ProposeMouCommand(
                        "Bio LBNL", Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, MOU_PARTIES, null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("commitment id must be");
    }

    @Test
    void proposalCommandsRequireParties() {
        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, List.of(), null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one party is required");
        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, null, null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID,
                        Area.BIOTECHNOLOGY,
                        MOU_TITLE_EN,
                        MOU_TITLE_KO,
                        Collections.singletonList(null),
                        null,
                        null,
                        TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parties may not contain null");
    }

    @Test
    void proposalCommandsRefuseMoreThanTwentyParties() {
        List<Party> parties = Collections.nCopies(21, new Party("Party", "당사자", Country.US, PartyRole.PARTNER));

        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, parties, null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at most 20 parties");
    }

    @Test
    void proposalCommandsKeepTheirOwnCopyOfTheParties() {
        List<Party> parties = new ArrayList<>(MOU_PARTIES);
        ProposeMouCommand command = new ProposeMouCommand(
                MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, parties, null, null, TODAY);

        parties.clear();

        assertThat(command.parties()).isEqualTo(MOU_PARTIES);
        assertThatThrownBy(() -> command.parties().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void proposalCommandsRequireTitlesInBothLanguages() {
        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, " ", MOU_PARTIES, null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("titleKo is required");
        assertThatThrownBy(() -> new ProposeCommitmentCommand(
                        PROGRAM_ID,
                        Area.BIOTECHNOLOGY,
                        CommitmentKind.PROGRAM,
                        null,
                        PROGRAM_TITLE_KO,
                        PROGRAM_PARTIES,
                        null,
                        null,
                        TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("titleEn is required");
    }

    @Test
    void proposalCommandsRefuseOverlongOrControlCharacterText() {
        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID, Area.BIOTECHNOLOGY, "x".repeat(301), MOU_TITLE_KO, MOU_PARTIES, null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("titleEn is longer than 300 characters");
        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID, Area.BIOTECHNOLOGY, "MOU\u0000", MOU_TITLE_KO, MOU_PARTIES, null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("titleEn contains control characters");
    }

    @Test
    void proposalCommandsRequireDateAndArea() {
        assertThatThrownBy(() -> new ProposeMouCommand(
                        MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, MOU_PARTIES, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("proposedOn is required");
        assertThatThrownBy(() -> new ProposeCommitmentCommand(
                        PROGRAM_ID,
                        null,
                        CommitmentKind.PROGRAM,
                        PROGRAM_TITLE_EN,
                        PROGRAM_TITLE_KO,
                        PROGRAM_PARTIES,
                        null,
                        null,
                        TODAY))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("area is required");
    }
}
