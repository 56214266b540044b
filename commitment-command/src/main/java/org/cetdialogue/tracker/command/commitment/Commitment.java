package org.cetdialogue.tracker.command.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.cetdialogue.tracker.api.commitment.CancelCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ChangeStatusCommand;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CompleteCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.CorrectEntryCommand;
import org.cetdialogue.tracker.api.commitment.CorrectableEntry;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.FundingCommittedEvent;
import org.cetdialogue.tracker.api.commitment.FundingDisbursedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.commitment.ProposalEvent;
import org.cetdialogue.tracker.api.commitment.ProposeCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ProposeMouCommand;
import org.cetdialogue.tracker.api.commitment.RecordMilestoneCommand;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.api.funding.CommitFundingCommand;
import org.cetdialogue.tracker.api.funding.DisburseFundingCommand;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.api.rule.RuleCode;

/**
 * One commitment of the dialogue and its lifecycle rules. Command handlers decide; event-sourcing handlers only
 * assign. Command handlers on an existing commitment answer with its new version (the sequence number of the last
 * event applied).
 *
 * <p>"Today" for the rule that past facts cannot carry future dates is the date in Seoul, the side whose calendar is
 * ahead, so that a fact recorded on its own day in either capital is accepted.
 *
 * <p>A command whose {@link IdempotentRequest} (an {@code Idempotency-Key}, in the metadata) this commitment already
 * applied is answered with the version of that earlier event and applies nothing ({@link #answerRetry}); the keys are
 * remembered with the events themselves, so the guarantee holds whatever happened to the gateway that sent the first
 * attempt. The proposals are handled on an existing commitment too (create if missing) so that the retry of a proposal
 * is recognised as well.
 */
@Aggregate(snapshotTriggerDefinition = "commitmentSnapshotTrigger", cache = "commitmentCache")
// revision 3: the state remembers the idempotent requests applied; snapshots of revisions 1 and 2 are skipped
@Revision("3")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Commitment {

    static final ZoneId LATEST_CALENDAR = ZoneId.of("Asia/Seoul");

    @AggregateIdentifier
    private String commitmentId;

    private CommitmentKind kind;
    private LifecycleStatus status;
    private LifecycleStatus statusBeforeSuspension;
    /**
     * The corrections made so far, by the sequence number of the event they correct, in order. The corrected events
     * themselves are read from the event store when a correction names them ({@link RecordedEntries}), so the state
     * (and a snapshot of it) does not grow with the history.
     */
    private Map<Long, List<CorrectedFields>> corrections = new HashMap<>();

    @AggregateMember
    private AppliedRequests appliedRequests = new AppliedRequests();

    protected Commitment() {
        // for Axon, for the proposals (created if missing) and for snapshots
    }

    /**
     * A retry of a request this commitment already applied (same key, same request) is answered with the version of
     * the event it applied then, and with where that event's position is to be searched from; nothing is applied
     * again, and a version the retry's {@code If-Match} named before that event is no conflict. The same key with a
     * different request is refused.
     */
    @CommandHandlerInterceptor
    Object answerRetry(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        AppliedRequests.Applied earlier = appliedRequests
                .earlier(IdempotentRequest.from(command.getMetaData()))
                .orElse(null);
        if (earlier == null) {
            return chain.proceed();
        }
        RetryAnswers.answered(earlier.searchFrom());
        return earlier.sequence();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeCommitmentCommand command, Clock clock) {
        requireNew();
        requireNotFuture(command.announcedOn(), "announcedOn", clock);
        return applyAndVersion(new CommitmentProposedEvent(
                command.commitmentId(),
                command.area(),
                command.kind(),
                command.titleEn(),
                command.titleKo(),
                command.parties(),
                command.sourceCitation(),
                command.targetDate(),
                command.announcedOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeMouCommand command, Clock clock) {
        requireNew();
        requireNotFuture(command.proposedOn(), "proposedOn", clock);
        return applyAndVersion(new MouProposedEvent(
                command.commitmentId(),
                command.area(),
                command.titleEn(),
                command.titleKo(),
                command.parties(),
                command.sourceCitation(),
                command.targetDate(),
                command.proposedOn()));
    }

    @CommandHandler
    public long handle(SignMouCommand command, Clock clock) {
        requireOpen();
        if (kind != CommitmentKind.MOU) {
            throw violation(RuleCode.NOT_AN_MOU, "only an MOU can be signed; this commitment is a " + kind);
        }
        LifecycleStatus progress = status == LifecycleStatus.SUSPENDED ? statusBeforeSuspension : status;
        if (progress != LifecycleStatus.PROPOSED) {
            throw violation(RuleCode.MOU_ALREADY_SIGNED, "the MOU was already signed");
        }
        if (status == LifecycleStatus.SUSPENDED) {
            throw violation(RuleCode.ALREADY_SUSPENDED, "the MOU is suspended; resume it before signing");
        }
        requireNotFuture(command.signedOn(), "signedOn", clock);
        return applyAndVersion(new MouSignedEvent(commitmentId, command.signedOn()));
    }

    @CommandHandler
    public long handle(LaunchProgramCommand command, Clock clock) {
        requireOpenAndActive();
        if (status == LifecycleStatus.PROPOSED && kind == CommitmentKind.MOU) {
            throw violation(RuleCode.MOU_NOT_SIGNED, "an MOU is launched only after it is signed");
        }
        if (status != LifecycleStatus.PROPOSED && status != LifecycleStatus.SIGNED) {
            throw violation(RuleCode.ALREADY_LAUNCHED, "the commitment was already launched");
        }
        requireNotFuture(command.launchedOn(), "launchedOn", clock);
        return applyAndVersion(new ProgramLaunchedEvent(commitmentId, command.launchedOn(), command.note()));
    }

    @CommandHandler
    public long handle(RecordMilestoneCommand command, Clock clock) {
        requireOpen();
        requireNotFuture(command.achievedOn(), "achievedOn", clock);
        return applyAndVersion(new MilestoneRecordedEvent(commitmentId, command.description(), command.achievedOn()));
    }

    @CommandHandler
    public long handle(PledgeFundingCommand command) {
        requireOpen();
        requirePositive(command.amount());
        return applyAndVersion(
                new FundingPledgedEvent(commitmentId, command.funder(), command.amount(), command.valueDate()));
    }

    @CommandHandler
    public long handle(CommitFundingCommand command) {
        requireOpen();
        requirePositive(command.amount());
        return applyAndVersion(
                new FundingCommittedEvent(commitmentId, command.funder(), command.amount(), command.valueDate()));
    }

    @CommandHandler
    public long handle(DisburseFundingCommand command, Clock clock) {
        requireOpen();
        requirePositive(command.amount());
        requireNotFuture(command.valueDate(), "valueDate", clock);
        return applyAndVersion(
                new FundingDisbursedEvent(commitmentId, command.funder(), command.amount(), command.valueDate()));
    }

    @CommandHandler
    public long handle(ChangeStatusCommand command, Clock clock) {
        requireOpen();
        requireNotFuture(command.effectiveOn(), "effectiveOn", clock);
        return switch (command.change()) {
            case IMPLEMENTING -> startImplementation(command);
            case SUSPENDED -> suspend(command);
            case RESUMED -> resume(command);
        };
    }

    private long startImplementation(ChangeStatusCommand command) {
        if (status == LifecycleStatus.IMPLEMENTING) {
            throw violation(RuleCode.ALREADY_IMPLEMENTING, "the commitment is already being implemented");
        }
        if (status == LifecycleStatus.SUSPENDED) {
            throw violation(RuleCode.ALREADY_SUSPENDED, "the commitment is suspended; resume it first");
        }
        if (status == LifecycleStatus.PROPOSED) {
            throw violation(
                    kind == CommitmentKind.MOU ? RuleCode.MOU_NOT_SIGNED : RuleCode.NOT_LAUNCHED,
                    kind == CommitmentKind.MOU
                            ? "an MOU is implemented only after it is signed"
                            : "a commitment is implemented only after it is launched");
        }
        return applyAndVersion(new ImplementationStartedEvent(commitmentId, command.effectiveOn(), command.reason()));
    }

    private long suspend(ChangeStatusCommand command) {
        if (status == LifecycleStatus.SUSPENDED) {
            throw violation(RuleCode.ALREADY_SUSPENDED, "the commitment is already suspended");
        }
        requireReason(command.reason(), "a suspension");
        return applyAndVersion(
                new CommitmentSuspendedEvent(commitmentId, command.effectiveOn(), status, command.reason()));
    }

    private long resume(ChangeStatusCommand command) {
        if (status != LifecycleStatus.SUSPENDED) {
            throw violation(RuleCode.NOT_SUSPENDED, "only a suspended commitment can be resumed");
        }
        return applyAndVersion(new CommitmentResumedEvent(
                commitmentId, command.effectiveOn(), statusBeforeSuspension, command.reason()));
    }

    @CommandHandler
    public long handle(CompleteCommitmentCommand command, Clock clock) {
        requireOpenAndActive();
        if (status != LifecycleStatus.LAUNCHED
                && status != LifecycleStatus.IMPLEMENTING
                && status != LifecycleStatus.SIGNED) {
            throw violation(
                    kind == CommitmentKind.MOU ? RuleCode.MOU_NOT_SIGNED : RuleCode.NOT_LAUNCHED,
                    "a commitment is completed only after it was "
                            + (kind == CommitmentKind.MOU ? "signed" : "launched"));
        }
        requireNotFuture(command.completedOn(), "completedOn", clock);
        return applyAndVersion(new CommitmentCompletedEvent(commitmentId, command.completedOn(), command.note()));
    }

    @CommandHandler
    public long handle(CancelCommitmentCommand command, Clock clock) {
        requireOpen();
        requireReason(command.reason(), "a cancellation");
        requireNotFuture(command.cancelledOn(), "cancelledOn", clock);
        return applyAndVersion(new CommitmentCancelledEvent(commitmentId, command.cancelledOn(), command.reason()));
    }

    @CommandHandler
    public long handle(CorrectEntryCommand command, Clock clock, RecordedEntries recorded) {
        CorrectableEntry entry = recorded.entry(commitmentId, command.correctedSequence())
                .map(original -> correctedSoFar(command.correctedSequence(), original))
                .orElse(null);
        if (entry == null) {
            throw violation(
                    RuleCode.UNKNOWN_ENTRY,
                    "event " + command.correctedSequence()
                            + " of this commitment does not exist or cannot be corrected");
        }
        CorrectedFields correction = command.correction();
        if (correction.amount() != null && !entry.isFunding()) {
            throw violation(RuleCode.ENTRY_NOT_CORRECTABLE, "only a funding event has an amount to correct");
        }
        if ((correction.titleEn() != null || correction.titleKo() != null) && !entry.isProposal()) {
            throw violation(RuleCode.ENTRY_NOT_CORRECTABLE, "only the proposal carries titles to correct");
        }
        if (correction.amount() != null) {
            requirePositive(correction.amount());
        }
        if (correction.effectiveOn() != null && entry.mustLieInPast()) {
            requireNotFuture(correction.effectiveOn(), "effectiveOn", clock);
        }
        CorrectedFields before = entry.fieldsTouchedBy(correction);
        CorrectedFields after = entry.correctedBy(correction).fieldsTouchedBy(correction);
        if (before.equals(after)) {
            throw new IllegalArgumentException("the correction changes nothing: the values are already those");
        }
        return applyAndVersion(new EntryCorrectedEvent(
                commitmentId,
                command.correctedSequence(),
                entry.eventType(),
                entry.funder(),
                before,
                after,
                command.reason()));
    }

    // ---- event sourcing: assignments only ----

    /** An MOU proposal and any other proposal alike: the kind says which. */
    @EventSourcingHandler
    void on(ProposalEvent event) {
        commitmentId = event.commitmentId();
        kind = event.kind();
        status = LifecycleStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(MouSignedEvent event) {
        status = LifecycleStatus.SIGNED;
    }

    @EventSourcingHandler
    void on(ProgramLaunchedEvent event) {
        status = LifecycleStatus.LAUNCHED;
    }

    @EventSourcingHandler
    void on(ImplementationStartedEvent event) {
        status = LifecycleStatus.IMPLEMENTING;
    }

    @EventSourcingHandler
    void on(CommitmentSuspendedEvent event) {
        statusBeforeSuspension = event.suspendedStatus();
        status = LifecycleStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(CommitmentResumedEvent event) {
        status = event.resumedStatus();
        statusBeforeSuspension = null;
    }

    @EventSourcingHandler
    void on(CommitmentCompletedEvent event) {
        status = LifecycleStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(CommitmentCancelledEvent event) {
        status = LifecycleStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(EntryCorrectedEvent event) {
        corrections
                .computeIfAbsent(event.correctedSequence(), sequence -> new ArrayList<>())
                .add(event.after());
    }

    // ---- rules ----

    /** {@code original} with the corrections made to it so far applied in order. */
    private CorrectableEntry correctedSoFar(long sequence, CorrectableEntry original) {
        CorrectableEntry entry = original;
        for (CorrectedFields correction : corrections.getOrDefault(sequence, List.of())) {
            entry = entry.correctedBy(correction);
        }
        return entry;
    }

    private long applyAndVersion(Object event) {
        apply(event);
        return AggregateLifecycle.getVersion();
    }

    private void requireNew() {
        if (commitmentId != null) {
            throw violation(RuleCode.COMMITMENT_EXISTS, "a commitment with this id has already been recorded");
        }
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw violation(
                    RuleCode.COMMITMENT_CLOSED,
                    "the commitment is " + status.name().toLowerCase() + "; only corrections are accepted");
        }
    }

    private void requireOpenAndActive() {
        requireOpen();
        if (status == LifecycleStatus.SUSPENDED) {
            throw violation(RuleCode.ALREADY_SUSPENDED, "the commitment is suspended; resume it first");
        }
    }

    private static void requireNotFuture(LocalDate date, String field, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(LATEST_CALENDAR));
        if (date.isAfter(today)) {
            throw violation(
                    RuleCode.EFFECTIVE_DATE_IN_FUTURE,
                    field + " " + date + " lies in the future; only something that already happened can be recorded");
        }
    }

    private static void requirePositive(Money amount) {
        if (!amount.positive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }

    private static void requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required for " + what);
        }
    }

    private static CommitmentRuleViolationException violation(RuleCode code, String message) {
        return new CommitmentRuleViolationException(code, message);
    }
}
