package org.cetdialogue.tracker.api.query;

import java.util.List;

/**
 * Funding totals: per area and currency, and per commitment, funder and currency. Amounts in different currencies,
 * and pledged, committed and disbursed amounts, are never added together.
 */
public record FundingTotals(List<AreaFundingTotal> byArea, List<FundingLineTotal> byLine) {}
