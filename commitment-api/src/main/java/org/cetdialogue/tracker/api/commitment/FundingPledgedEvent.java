package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;

/** {@code funder} pledged {@code amount} for the commitment, with value date {@code valueDate}. */
@Revision("1")
@StoredAs("org.cetdialogue.tracker.api.funding.FundingPledgedEvent")
public record FundingPledgedEvent(String commitmentId, String funder, Money amount, LocalDate valueDate)
        implements FundingEvent {

    @Override
    public FundingStage stage() {
        return FundingStage.PLEDGED;
    }
}
