package org.cetdialogue.tracker.api.query;

import org.cetdialogue.tracker.api.commitment.Area;

/** The funding of one area in one currency. */
public record AreaFundingTotal(Area area, String currency, StageTotals totals) {}
