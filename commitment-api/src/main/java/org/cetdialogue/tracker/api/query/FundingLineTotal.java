package org.cetdialogue.tracker.api.query;

import org.cetdialogue.tracker.api.commitment.Area;

/** The funding of one funder to one commitment in one currency. */
public record FundingLineTotal(String commitmentId, Area area, String funder, String currency, StageTotals totals) {}
