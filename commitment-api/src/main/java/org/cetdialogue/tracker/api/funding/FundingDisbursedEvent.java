package org.cetdialogue.tracker.api.funding;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** {@code funder} disbursed {@code amount} for the commitment, with value date {@code valueDate}. */
@Revision("1")
public record FundingDisbursedEvent(String commitmentId, String funder, Money amount, LocalDate valueDate)
        implements FundingEvent {

    @Override
    public FundingStage stage() {
        return FundingStage.DISBURSED;
    }
}
