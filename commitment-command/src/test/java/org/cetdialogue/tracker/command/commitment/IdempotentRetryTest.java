package org.cetdialogue.tracker.command.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.CLOCK;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TODAY;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.cancelled;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.fixture;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.launched;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.milestone;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.programProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.violationOf;

import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.CancelCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.ProposeCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.RecordMilestoneCommand;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.api.query.FindEventPositionQuery;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command sent with an {@code Idempotency-Key} is applied once: its retry (same key, same request) applies nothing
 * and answers with the version of the event the first attempt applied, whatever happened to the gateway in between.
 */
class IdempotentRetryTest {

    private static final String SELECTED = "Twelve joint projects selected";
    private static final RecordMilestoneCommand RECORD = new RecordMilestoneCommand(PROGRAM_ID, SELECTED, TODAY, null);
    private static final IdempotentRequest FIRST = IdempotentRequest.of("writer-us", "key-1", "milestone-body");
    private static final IdempotentRequest SECOND = IdempotentRequest.of("writer-us", "key-2", "milestone-body");

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(CLOCK);
        // as in the application: the command's idempotent request is copied onto the events it applies
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(
                new SimpleCorrelationDataProvider(IdempotentRequest.KEYS.toArray(String[]::new))));
    }

    /** The milestone as stored by a command with {@code request}. */
    private static GenericEventMessage<MilestoneRecordedEvent> recordedWith(IdempotentRequest request) {
        return new GenericEventMessage<>(
                new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, TODAY),
                request.toMetaData().and(FindEventPositionQuery.SEARCH_FROM, 41L));
    }

    @Test
    void aKeyedCommandIsAppliedWithItsKeyInTheEventMetadata() {
        fixture.given(programProposed(), launched(PROGRAM_ID))
                .when(RECORD, FIRST.toMetaData())
                .expectEvents(new GenericEventMessage<>(
                        new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, TODAY), FIRST.toMetaData()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theRetryOfAnAppliedKeyAppliesNothingAndAnswersTheEarlierVersion() {
        fixture.given(programProposed(), launched(PROGRAM_ID), recordedWith(FIRST), milestone(PROGRAM_ID))
                .when(RECORD, FIRST.toMetaData())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void aDifferentKeyIsApplied() {
        fixture.given(programProposed(), launched(PROGRAM_ID), recordedWith(FIRST))
                .when(RECORD, SECOND.toMetaData())
                .expectEvents(new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aCommandWithoutKeyIsAppliedAsBefore() {
        fixture.given(programProposed(), launched(PROGRAM_ID), recordedWith(FIRST))
                .when(RECORD)
                .expectEvents(new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void anAppliedKeyWithADifferentRequestIsRefused() {
        IdempotentRequest sameKeyOtherBody = IdempotentRequest.of("writer-us", "key-1", "another-body");

        fixture.given(programProposed(), launched(PROGRAM_ID), recordedWith(FIRST))
                .when(RECORD, sameKeyOtherBody.toMetaData())
                .expectException(violationOf(RuleCode.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
    }

    @Test
    void theSameKeyOfAnotherUserIsAnotherRequest() {
        IdempotentRequest otherUser = IdempotentRequest.of("writer-rok", "key-1", "milestone-body");

        fixture.given(programProposed(), launched(PROGRAM_ID), recordedWith(FIRST))
                .when(RECORD, otherUser.toMetaData())
                .expectEvents(new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void eventsStoredWithoutKeyStillLoad() {
        fixture.given(programProposed(), launched(PROGRAM_ID), milestone(PROGRAM_ID))
                .when(RECORD, FIRST.toMetaData())
                .expectEvents(new MilestoneRecordedEvent(PROGRAM_ID, SELECTED, TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void theRetryIsAnsweredBeforeTheRulesThatTheFirstAttemptChanged() {
        IdempotentRequest cancellation = IdempotentRequest.of("writer-us", "cancel-1", "cancel-body");

        fixture.given(
                        programProposed(),
                        launched(PROGRAM_ID),
                        new GenericEventMessage<>(cancelled(PROGRAM_ID), cancellation.toMetaData()))
                .when(
                        new CancelCommitmentCommand(PROGRAM_ID, TODAY, "Superseded by a broader agreement", null),
                        cancellation.toMetaData())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void theRetryOfAProposalIsAnsweredLikeTheFirstAttempt() {
        IdempotentRequest proposal = IdempotentRequest.of("writer-us", "propose-1", "proposal-body");
        CommitmentProposedEvent proposed = programProposed();

        fixture.given(new GenericEventMessage<>(proposed, proposal.toMetaData()))
                .when(proposeAgain(proposed), proposal.toMetaData())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aKeyedProposalIsApplied() {
        IdempotentRequest proposal = IdempotentRequest.of("writer-us", "propose-1", "proposal-body");
        CommitmentProposedEvent proposed = programProposed();

        fixture.givenNoPriorActivity()
                .when(proposeAgain(proposed), proposal.toMetaData())
                .expectEvents(new GenericEventMessage<>(proposed, proposal.toMetaData()))
                .expectResultMessagePayload(0L);
    }

    @Test
    void anotherProposalOfAnExistingIdIsRefused() {
        IdempotentRequest proposal = IdempotentRequest.of("writer-us", "propose-1", "proposal-body");
        CommitmentProposedEvent proposed = programProposed();

        fixture.given(new GenericEventMessage<>(proposed, proposal.toMetaData()))
                .when(proposeAgain(proposed), SECOND.toMetaData())
                .expectException(violationOf(RuleCode.COMMITMENT_EXISTS))
                .expectNoEvents();
    }

    @Test
    void aCommitmentRemembersTheLastKeysOnly() {
        AppliedRequests applied = new AppliedRequests();
        int count = AppliedRequests.LIMIT + 1;
        for (int i = 0; i < count; i++) {
            applied.on(
                    SELECTED,
                    IdempotentRequest.of("writer-us", "key-" + i, "body").toMetaData(),
                    i);
        }
        applied.on(SELECTED, MetaData.emptyInstance(), count);

        assertThat(applied.size()).isEqualTo(AppliedRequests.LIMIT);
        assertThat(applied.earlier(IdempotentRequest.of("writer-us", "key-0", "body")))
                .as("the oldest key is forgotten")
                .isEmpty();
        assertThat(applied.earlier(IdempotentRequest.of("writer-us", "key-1", "body")))
                .hasValueSatisfying(earlier -> assertThat(earlier.sequence()).isEqualTo(1L));
        assertThat(applied.earlier(IdempotentRequest.of("writer-us", "key-" + (count - 1), "body")))
                .hasValueSatisfying(earlier -> assertThat(earlier.searchFrom()).isEqualTo(-1L));
    }

    private static ProposeCommitmentCommand proposeAgain(CommitmentProposedEvent proposed) {
        return new ProposeCommitmentCommand(
                proposed.commitmentId(),
                proposed.area(),
                proposed.kind(),
                proposed.titleEn(),
                proposed.titleKo(),
                List.copyOf(proposed.parties()),
                proposed.sourceCitation(),
                proposed.targetDate(),
                proposed.announcedOn());
    }
}
