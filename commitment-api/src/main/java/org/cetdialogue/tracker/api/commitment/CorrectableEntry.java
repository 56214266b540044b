package org.cetdialogue.tracker.api.commitment;

import java.util.Objects;
import org.cetdialogue.tracker.api.funding.FundingStage;

/**
 * The entry an event makes that a correction may name, and its values a correction may change ({@code values}: the
 * effective date always, the amount of a funding fact, the titles of a proposal; null where not applicable). Made by
 * {@link CommitmentEvent#correctableEntry()}; corrected by {@link #correctedBy(CorrectedFields)}, the one way a
 * correction is applied.
 */
public record CorrectableEntry(
        String eventType, Category category, String funder, FundingStage stage, CorrectedFields values) {

    public enum Category {
        PROPOSAL,
        PAST_FACT,
        FUNDING
    }

    public CorrectableEntry {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(values, "values");
    }

    static CorrectableEntry proposal(ProposalEvent event) {
        return new CorrectableEntry(
                typeOf(event),
                Category.PROPOSAL,
                null,
                null,
                new CorrectedFields(event.effectiveOn(), null, event.titleEn(), event.titleKo()));
    }

    static CorrectableEntry pastFact(PastFactEvent event) {
        return new CorrectableEntry(
                typeOf(event),
                Category.PAST_FACT,
                null,
                null,
                new CorrectedFields(event.effectiveOn(), null, null, null));
    }

    static CorrectableEntry funding(FundingEvent event) {
        return new CorrectableEntry(
                typeOf(event),
                Category.FUNDING,
                event.funder(),
                event.stage(),
                new CorrectedFields(event.valueDate(), event.amount(), null, null));
    }

    public boolean isFunding() {
        return category == Category.FUNDING;
    }

    public boolean isProposal() {
        return category == Category.PROPOSAL;
    }

    /** Pledges and commitments may carry a value date ahead; everything else records what already happened. */
    public boolean mustLieInPast() {
        return category != Category.FUNDING || stage == FundingStage.DISBURSED;
    }

    /** This entry with the fields that {@code correction} sets replaced. */
    public CorrectableEntry correctedBy(CorrectedFields correction) {
        return new CorrectableEntry(eventType, category, funder, stage, values.correctedBy(correction));
    }

    /** This entry's values of the fields that {@code correction} sets; the others null. */
    public CorrectedFields fieldsTouchedBy(CorrectedFields correction) {
        return new CorrectedFields(
                correction.effectiveOn() == null ? null : values.effectiveOn(),
                correction.amount() == null ? null : values.amount(),
                correction.titleEn() == null ? null : values.titleEn(),
                correction.titleKo() == null ? null : values.titleKo());
    }

    private static String typeOf(CommitmentEvent event) {
        return event.getClass().getSimpleName();
    }
}
