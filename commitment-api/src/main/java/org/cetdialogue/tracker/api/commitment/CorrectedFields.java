package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.time.LocalDate;
import org.cetdialogue.tracker.api.funding.Money;

/**
 * The fields a correction may change; null means "unchanged" in a command and "not applicable" in an event. The
 * effective date applies to every event, the amount to funding events, the titles to proposals.
 */
public record CorrectedFields(LocalDate effectiveOn, Money amount, String titleEn, String titleKo) {

    public CorrectedFields {
        if (titleEn != null) {
            requireText(titleEn, "titleEn", 300);
        }
        if (titleKo != null) {
            requireText(titleKo, "titleKo", 300);
        }
    }

    /**
     * These values with those {@code correction} sets replaced: the one rule by which a correction is applied, on the
     * write side, in the read models and in the as-of fold.
     */
    public CorrectedFields correctedBy(CorrectedFields correction) {
        return new CorrectedFields(
                correction.effectiveOn() == null ? effectiveOn : correction.effectiveOn(),
                correction.amount() == null ? amount : correction.amount(),
                correction.titleEn() == null ? titleEn : correction.titleEn(),
                correction.titleKo() == null ? titleKo : correction.titleKo());
    }

    public boolean changesNothing() {
        return effectiveOn == null && amount == null && titleEn == null && titleKo == null;
    }
}
