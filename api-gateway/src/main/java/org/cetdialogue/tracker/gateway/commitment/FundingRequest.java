package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.funding.CommitFundingCommand;
import org.cetdialogue.tracker.api.funding.DisburseFundingCommand;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;

/**
 * A funding fact: the amount in the currency's minor units at most ("10000000.00" USD, "5000000" KRW). The same body
 * records a pledge, a commitment or a disbursement; the path says which ({@link #as}).
 */
public record FundingRequest(
        @NotNull @VisibleText @Size(max = 200) String funder,
        @NotNull @Digits(integer = 16, fraction = 4) BigDecimal amount,
        @NotNull @Size(min = 3, max = 3) String currency,
        Boolean lowerBound,
        @NotNull LocalDate valueDate) {

    /** This fact as money pledged, committed (obligated) or disbursed. */
    public CommitmentRequest as(FundingStage stage) {
        return (commitmentId, expectedVersion) -> switch (stage) {
            case PLEDGED -> new PledgeFundingCommand(commitmentId, funder, money(), valueDate, expectedVersion);
            case COMMITTED -> new CommitFundingCommand(commitmentId, funder, money(), valueDate, expectedVersion);
            case DISBURSED -> new DisburseFundingCommand(commitmentId, funder, money(), valueDate, expectedVersion);
        };
    }

    /** {@code lowerBound} is optional: true for a figure announced as a minimum ("US$10M+"). */
    private Money money() {
        return new Money(amount, currency, Boolean.TRUE.equals(lowerBound));
    }
}
