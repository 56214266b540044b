package org.cetdialogue.tracker.command.commitment;

import java.time.LocalDate;
import java.util.Optional;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.funding.FundingEvent;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;

/** What the aggregate remembers of an earlier event so that a correction can name it and say what it changes. */
record CorrectableEntry(
        String eventType,
        Category category,
        LocalDate effectiveOn,
        String funder,
        FundingStage stage,
        Money amount,
        String titleEn,
        String titleKo) {

    enum Category {
        PROPOSAL,
        PAST_FACT,
        FUNDING
    }

    /**
     * The entry a stored event of a commitment makes, if a correction may name it: the proposal, the past facts
     * (signing, launch, milestones, start of implementation, suspension, resumption, completion, cancellation) and
     * the funding events. A correction itself cannot be corrected.
     */
    static Optional<CorrectableEntry> of(Object event) {
        if (event instanceof CommitmentProposedEvent proposed) {
            return Optional.of(proposal(proposed, proposed.titleEn(), proposed.titleKo()));
        }
        if (event instanceof MouProposedEvent proposed) {
            return Optional.of(proposal(proposed, proposed.titleEn(), proposed.titleKo()));
        }
        if (event instanceof FundingEvent funding) {
            return Optional.of(funding(funding));
        }
        if (event instanceof MouSignedEvent
                || event instanceof ProgramLaunchedEvent
                || event instanceof MilestoneRecordedEvent
                || event instanceof ImplementationStartedEvent
                || event instanceof CommitmentSuspendedEvent
                || event instanceof CommitmentResumedEvent
                || event instanceof CommitmentCompletedEvent
                || event instanceof CommitmentCancelledEvent) {
            return Optional.of(pastFact((CommitmentEvent) event));
        }
        return Optional.empty();
    }

    static CorrectableEntry proposal(CommitmentEvent event, String titleEn, String titleKo) {
        return new CorrectableEntry(
                typeOf(event), Category.PROPOSAL, event.effectiveOn(), null, null, null, titleEn, titleKo);
    }

    static CorrectableEntry pastFact(CommitmentEvent event) {
        return new CorrectableEntry(
                typeOf(event), Category.PAST_FACT, event.effectiveOn(), null, null, null, null, null);
    }

    static CorrectableEntry funding(FundingEvent event) {
        return new CorrectableEntry(
                typeOf(event),
                Category.FUNDING,
                event.valueDate(),
                event.funder(),
                event.stage(),
                event.amount(),
                null,
                null);
    }

    boolean isFunding() {
        return category == Category.FUNDING;
    }

    boolean isProposal() {
        return category == Category.PROPOSAL;
    }

    /** Pledges and commitments may carry a value date ahead; everything else records what already happened. */
    boolean mustLieInPast() {
        return category != Category.FUNDING || stage == FundingStage.DISBURSED;
    }

    /** This entry's values of the fields that {@code correction} sets; the others null. */
    CorrectedFields fieldsTouchedBy(CorrectedFields correction) {
        return new CorrectedFields(
                correction.effectiveOn() == null ? null : effectiveOn,
                correction.amount() == null ? null : amount,
                correction.titleEn() == null ? null : titleEn,
                correction.titleKo() == null ? null : titleKo);
    }

    /** This entry with the fields that {@code correction} sets replaced. */
    CorrectableEntry correctedBy(CorrectedFields correction) {
        return new CorrectableEntry(
                eventType,
                category,
                correction.effectiveOn() == null ? effectiveOn : correction.effectiveOn(),
                funder,
                stage,
                correction.amount() == null ? amount : correction.amount(),
                correction.titleEn() == null ? titleEn : correction.titleEn(),
                correction.titleKo() == null ? titleKo : correction.titleKo());
    }

    private static String typeOf(Object event) {
        return event.getClass().getSimpleName();
    }
}
