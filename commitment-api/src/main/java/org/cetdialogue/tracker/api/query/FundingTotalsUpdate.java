package org.cetdialogue.tracker.api.query;

import org.cetdialogue.tracker.api.commitment.Area;

/**
 * A subscription update of {@link FindFundingTotalsQuery}: the totals of {@code area} (of all areas when it is null)
 * as they stand after the event at global position {@code position}.
 */
public record FundingTotalsUpdate(long position, Area area, FundingTotals totals) {}
