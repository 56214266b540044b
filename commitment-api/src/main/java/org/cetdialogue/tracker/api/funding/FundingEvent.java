package org.cetdialogue.tracker.api.funding;

import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;

/** A funding fact of one funder: how much, at which stage, with which value date. */
public interface FundingEvent extends CommitmentEvent {

    String funder();

    Money amount();

    LocalDate valueDate();

    FundingStage stage();

    @Override
    default LocalDate effectiveOn() {
        return valueDate();
    }
}
