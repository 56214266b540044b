package org.cetdialogue.tracker.api.funding;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** {@code funder} pledged {@code amount} for the commitment, with value date {@code valueDate}. */
@Revision("1")
public record FundingPledgedEvent(String commitmentId, String funder, Money amount, LocalDate valueDate)
        implements FundingEvent {

    @Override
    public FundingStage stage() {
        return FundingStage.PLEDGED;
    }
}
