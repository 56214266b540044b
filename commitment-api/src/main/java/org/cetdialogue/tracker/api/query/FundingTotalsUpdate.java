package org.cetdialogue.tracker.api.query;

/**
 * A subscription update of {@link FindFundingTotalsQuery}: the totals as they stand after the event at global position
 * {@code position}.
 */
public record FundingTotalsUpdate(long position, FundingTotals totals) {}
