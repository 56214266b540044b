package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.Optional;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;

/**
 * A funding fact of one funder: how much, at which stage, with which value date. The records are stored under their
 * former names in {@code …api.funding} (see {@link StoredAs} and {@link CommitmentEvent}).
 */
public sealed interface FundingEvent extends CommitmentEvent
        permits FundingPledgedEvent, FundingCommittedEvent, FundingDisbursedEvent {

    String funder();

    Money amount();

    LocalDate valueDate();

    FundingStage stage();

    @Override
    default LocalDate effectiveOn() {
        return valueDate();
    }

    @Override
    default LifecycleStep lifecycleStep() {
        return LifecycleStep.NONE;
    }

    @Override
    default Optional<CorrectableEntry> correctableEntry() {
        return Optional.of(CorrectableEntry.funding(this));
    }

    @Override
    default String summary() {
        return funder() + " " + stage().name().toLowerCase() + " " + amount().text() + " (value date " + valueDate()
                + ")";
    }
}
