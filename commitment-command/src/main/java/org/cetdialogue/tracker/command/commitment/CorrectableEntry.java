package org.cetdialogue.tracker.command.commitment;

import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
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
