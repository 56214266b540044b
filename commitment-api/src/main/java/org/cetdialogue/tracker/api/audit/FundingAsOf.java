package org.cetdialogue.tracker.api.audit;

import java.math.BigDecimal;

/**
 * Funding of one funder (or, in an area, of all funders) in one currency as of the dates asked: pledged, committed and
 * disbursed are separate totals, never added together. {@code lowerBound}: some figure was announced as a minimum.
 */
public record FundingAsOf(
        String funder,
        String currency,
        BigDecimal pledged,
        BigDecimal committed,
        BigDecimal disbursed,
        boolean lowerBound) {}
