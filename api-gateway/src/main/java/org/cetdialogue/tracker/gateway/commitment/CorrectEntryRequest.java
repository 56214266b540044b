package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.CorrectEntryCommand;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.funding.Money;

/** Corrects the event at {@code correctedSequence}; give only the fields that change. */
public record CorrectEntryRequest(
        @NotNull @PositiveOrZero Long correctedSequence,
        @NotNull @VisibleText @Size(max = 2000) String reason,
        LocalDate effectiveOn,
        @Digits(integer = 16, fraction = 4) BigDecimal amount,
        @Size(min = 3, max = 3) String currency,
        Boolean lowerBound,
        @VisibleText @Size(max = 300) String titleEn,
        @VisibleText @Size(max = 300) String titleKo)
        implements CommitmentRequest {

    @Override
    public CorrectEntryCommand toCommand(String commitmentId, Long expectedVersion) {
        return new CorrectEntryCommand(commitmentId, correctedSequence, correction(), reason, expectedVersion);
    }

    private CorrectedFields correction() {
        Money money = null;
        if (amount != null || currency != null) {
            if (amount == null || currency == null) {
                throw new IllegalArgumentException("a corrected amount needs both amount and currency");
            }
            money = new Money(amount, currency, Boolean.TRUE.equals(lowerBound));
        }
        return new CorrectedFields(effectiveOn, money, titleEn, titleKo);
    }
}
