package org.cetdialogue.tracker.api.funding;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A decimal amount in an ISO 4217 currency. The scale may not exceed the currency's minor units (KRW has none, USD
 * two). {@code lowerBound} marks a figure announced as a minimum, such as "US$10M+".
 */
public record Money(BigDecimal amount, String currency, boolean lowerBound) {

    /** No single line of this dialogue comes near a quadrillion; anything larger is a typing error. */
    public static final BigDecimal MAX_ABSOLUTE = new BigDecimal("1000000000000000");

    private static final Pattern ISO_CODE = Pattern.compile("^[A-Z]{3}$");

    public Money {
        Objects.requireNonNull(amount, "amount is required");
        currency = requireCurrency(currency);
        int minorUnits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.abs().compareTo(MAX_ABSOLUTE) >= 0) {
            throw new IllegalArgumentException("amount must be below " + MAX_ABSOLUTE.toPlainString());
        }
        BigDecimal normalised = amount.stripTrailingZeros();
        if (normalised.scale() > minorUnits) {
            throw new IllegalArgumentException(
                    currency + " allows " + minorUnits + " decimal places, the amount has " + normalised.scale());
        }
        amount = amount.setScale(minorUnits);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency, false);
    }

    public static Money atLeast(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency, true);
    }

    /** For people: "at least USD 10000000.00" for a lower bound, "KRW 13000000000" otherwise. */
    public String text() {
        return (lowerBound ? "at least " : "") + currency + " " + amount.toPlainString();
    }

    public boolean positive() {
        return amount.signum() > 0;
    }

    /** Checks an ISO 4217 code: three upper-case letters naming a currency that has minor units. */
    public static String requireCurrency(String code) {
        if (code == null || !ISO_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code such as USD or KRW");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency " + code + " is not an ISO 4217 currency");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + code + " is not a money currency");
        }
        return code;
    }
}
