package org.cetdialogue.tracker.api.query;

import org.cetdialogue.tracker.api.commitment.Area;

/** Asks for funding totals of one area, or of all areas when {@code area} is null. */
public record FindFundingTotalsQuery(Area area) implements SubscriptionFilter<FundingTotalsUpdate> {

    @Override
    public Class<FundingTotalsUpdate> updateType() {
        return FundingTotalsUpdate.class;
    }

    /** The totals of the same area, or those of all areas when {@code area} is null. */
    @Override
    public boolean wants(FundingTotalsUpdate update) {
        return update.area() == area;
    }
}
