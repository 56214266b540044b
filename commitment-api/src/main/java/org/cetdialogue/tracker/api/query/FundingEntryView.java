package org.cetdialogue.tracker.api.query;

import java.time.LocalDate;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;

/** One funding fact of a commitment (after corrections), as recorded by the event at {@code sequence}. */
public record FundingEntryView(long sequence, FundingStage stage, String funder, Money amount, LocalDate valueDate) {}
