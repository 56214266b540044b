package org.cetdialogue.tracker.command.commitment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.CLOCK;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.LAUNCHED_ON;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_SIGNED_ON;
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
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing an MOU and launching the work of any commitment. */
class MouLifecycleTest {

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(CLOCK);
    }

    private static SignMouCommand sign(LocalDate signedOn) {
        return new SignMouCommand(MOU_ID, signedOn, null);
    }

    private static LaunchProgramCommand launch(String id, LocalDate launchedOn) {
        return new LaunchProgramCommand(id, launchedOn, "First call for proposals opened", null);
    }

    // ---- signing ----

    @Test
    void canSignProposedMou() {
        fixture.given(mouProposed())
                .when(sign(MOU_SIGNED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MouSignedEvent(MOU_ID, MOU_SIGNED_ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void canSignMouResumedBeforeSignature() {
        fixture.given(
                        mouProposed(),
                        suspended(MOU_ID, LifecycleStatus.PROPOSED),
                        resumed(MOU_ID, LifecycleStatus.PROPOSED))
                .when(sign(TODAY))
                .expectEvents(new MouSignedEvent(MOU_ID, TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotSignMouTwice() {
        fixture.given(mouProposed(), mouSigned())
                .when(sign(TODAY))
                .expectException(violationOf(RuleCode.MOU_ALREADY_SIGNED))
                .expectExceptionMessage("the MOU was already signed")
                .expectNoEvents();
    }

    @Test
    void cannotSignLaunchedMou() {
        fixture.given(mouProposed(), mouSigned(), launched(MOU_ID))
                .when(sign(TODAY))
                .expectException(violationOf(RuleCode.MOU_ALREADY_SIGNED))
                .expectNoEvents();
    }

    @Test
    void cannotSignSuspendedMouThatWasAlreadySigned() {
        fixture.given(mouProposed(), mouSigned(), suspended(MOU_ID, LifecycleStatus.SIGNED))
                .when(sign(TODAY))
                .expectException(violationOf(RuleCode.MOU_ALREADY_SIGNED))
                .expectNoEvents();
    }

    @Test
    void cannotSignSuspendedMou() {
        fixture.given(mouProposed(), suspended(MOU_ID, LifecycleStatus.PROPOSED))
                .when(sign(TODAY))
                .expectException(violationOf(RuleCode.ALREADY_SUSPENDED))
                .expectExceptionMessage("the MOU is suspended; resume it before signing")
                .expectNoEvents();
    }

    @Test
    void cannotSignCancelledMou() {
        fixture.given(mouProposed(), cancelled(MOU_ID))
                .when(sign(TODAY))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is cancelled; only corrections are accepted")
                .expectNoEvents();
    }

    @Test
    void cannotSignCompletedMou() {
        fixture.given(mouProposed(), mouSigned(), completed(MOU_ID))
                .when(sign(TODAY))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectExceptionMessage("the commitment is completed; only corrections are accepted")
                .expectNoEvents();
    }

    @Test
    void cannotSignNonMou() {
        fixture.given(programProposed())
                .when(new SignMouCommand(PROGRAM_ID, TODAY, null))
                .expectException(violationOf(RuleCode.NOT_AN_MOU))
                .expectExceptionMessage("only an MOU can be signed; this commitment is a PROGRAM")
                .expectNoEvents();
    }

    @Test
    void cannotRecordFutureSignature() {
        fixture.given(mouProposed())
                .when(sign(TOMORROW))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(
                        "signedOn 2024-06-15 lies in the future; only something that already happened can be recorded")
                .expectNoEvents();
    }

    @Test
    void acceptsSignatureDatedTodayInSeoul() {
        // 00:05 on 11 April in Seoul is still 10 April in UTC (and in Washington).
        Clock justAfterMidnightInSeoul = Clock.fixed(Instant.parse("2024-04-10T15:05:00Z"), ZoneOffset.UTC);
        LocalDate todayInSeoul = LocalDate.of(2024, 4, 11);

        fixture(justAfterMidnightInSeoul)
                .given(mouProposed())
                .when(sign(todayInSeoul))
                .expectEvents(new MouSignedEvent(MOU_ID, todayInSeoul))
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesSignatureDatedTomorrowInSeoul() {
        Clock justAfterMidnightInSeoul = Clock.fixed(Instant.parse("2024-04-10T15:05:00Z"), ZoneOffset.UTC);

        fixture(justAfterMidnightInSeoul)
                .given(mouProposed())
                .when(sign(LocalDate.of(2024, 4, 12)))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void refusesSignatureDatedTomorrowInSeoulEvenWhenTheClockIsInAnotherZone() {
        // 23:30 on 14 June in Seoul, read through a clock set to New York: still 14 June in Seoul.
        Clock newYork = Clock.fixed(Instant.parse("2024-06-14T14:30:00Z"), ZoneId.of("America/New_York"));

        fixture(newYork)
                .given(mouProposed())
                .when(sign(TOMORROW))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void acceptsSignatureWithCurrentExpectedVersion() {
        fixture.given(mouProposed())
                .when(new SignMouCommand(MOU_ID, MOU_SIGNED_ON, 0L))
                .expectEvents(mouSigned())
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesSignatureBasedOnStaleVersion() {
        fixture.given(
                        mouProposed(),
                        suspended(MOU_ID, LifecycleStatus.PROPOSED),
                        resumed(MOU_ID, LifecycleStatus.PROPOSED))
                .when(new SignMouCommand(MOU_ID, MOU_SIGNED_ON, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void signMouCommandRequiresDate() {
        assertThatThrownBy(() -> new SignMouCommand(MOU_ID, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("signedOn is required");
    }

    // ---- launching ----

    @Test
    void cannotLaunchUnsignedMou() {
        fixture.given(mouProposed())
                .when(launch(MOU_ID, TODAY))
                .expectException(violationOf(RuleCode.MOU_NOT_SIGNED))
                .expectExceptionMessage("an MOU is launched only after it is signed")
                .expectNoEvents();
    }

    @Test
    void canLaunchSignedMou() {
        fixture.given(mouProposed(), mouSigned())
                .when(launch(MOU_ID, LAUNCHED_ON))
                .expectEvents(launched(MOU_ID))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canLaunchProposedProgram() {
        fixture.given(programProposed())
                .when(launch(PROGRAM_ID, LAUNCHED_ON))
                .expectEvents(new ProgramLaunchedEvent(PROGRAM_ID, LAUNCHED_ON, "First call for proposals opened"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void canLaunchToday() {
        fixture.given(programProposed())
                .when(new LaunchProgramCommand(PROGRAM_ID, TODAY, null, null))
                .expectEvents(new ProgramLaunchedEvent(PROGRAM_ID, TODAY, null));
    }

    @Test
    void cannotLaunchTwice() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(launch(PROGRAM_ID, TODAY))
                .expectException(violationOf(RuleCode.ALREADY_LAUNCHED))
                .expectExceptionMessage("the commitment was already launched")
                .expectNoEvents();
    }

    @Test
    void cannotLaunchCommitmentBeingImplemented() {
        fixture.given(programProposed(), launched(PROGRAM_ID), implementing(PROGRAM_ID))
                .when(launch(PROGRAM_ID, TODAY))
                .expectException(violationOf(RuleCode.ALREADY_LAUNCHED))
                .expectNoEvents();
    }

    @Test
    void cannotLaunchSuspendedCommitment() {
        fixture.given(programProposed(), suspended(PROGRAM_ID, LifecycleStatus.PROPOSED))
                .when(launch(PROGRAM_ID, TODAY))
                .expectException(violationOf(RuleCode.ALREADY_SUSPENDED))
                .expectExceptionMessage("the commitment is suspended; resume it first")
                .expectNoEvents();
    }

    @Test
    void cannotLaunchCancelledCommitment() {
        fixture.given(programProposed(), cancelled(PROGRAM_ID))
                .when(launch(PROGRAM_ID, TODAY))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void cannotLaunchCompletedCommitment() {
        fixture.given(programProposed(), launched(PROGRAM_ID), completed(PROGRAM_ID))
                .when(launch(PROGRAM_ID, TODAY))
                .expectException(violationOf(RuleCode.COMMITMENT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void cannotRecordFutureLaunch() {
        fixture.given(programProposed())
                .when(launch(PROGRAM_ID, TOMORROW))
                .expectException(violationOf(RuleCode.EFFECTIVE_DATE_IN_FUTURE))
                .expectExceptionMessage(startsWith("launchedOn 2024-06-15 lies in the future"))
                .expectNoEvents();
    }

    @Test
    void launchProgramCommandRequiresDate() {
        assertThatThrownBy(() -> new LaunchProgramCommand(PROGRAM_ID, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("launchedOn is required");
    }
}
