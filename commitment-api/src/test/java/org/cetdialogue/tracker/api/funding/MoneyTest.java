package org.cetdialogue.tracker.api.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void krwHasNoMinorUnits() {
        assertThat(Money.of("13000000000", "KRW").amount()).isEqualTo(new BigDecimal("13000000000"));
        assertThatThrownBy(() -> Money.of("1000.5", "KRW"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KRW allows 0 decimal places, the amount has 1");
    }

    @Test
    void krwAcceptsTrailingZeroDecimalsAndDropsThem() {
        Money money = Money.of("1000.00", "KRW");

        assertThat(money.amount()).isEqualTo(new BigDecimal("1000"));
        assertThat(money.amount().scale()).isZero();
    }

    @Test
    void usdAllowsTwoDecimalPlaces() {
        assertThat(Money.of("10.25", "USD").amount()).isEqualTo(new BigDecimal("10.25"));
        assertThatThrownBy(() -> Money.of("10.255", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("USD allows 2 decimal places, the amount has 3");
    }

    @Test
    void jpyHasNoMinorUnits() {
        assertThat(Money.of("500", "JPY").amount()).isEqualTo(new BigDecimal("500"));
        assertThatThrownBy(() -> Money.of("500.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bhdAllowsThreeDecimalPlaces() {
        assertThat(Money.of("1.125", "BHD").amount()).isEqualTo(new BigDecimal("1.125"));
        assertThatThrownBy(() -> Money.of("1.1255", "BHD")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"10, USD, 10.00", "10.5, USD, 10.50", "10.500, USD, 10.50", "1E+3, KRW, 1000", "1E+3, USD, 1000.00"})
    void normalisesTheScaleToTheCurrencysMinorUnits(String amount, String currency, String expected) {
        BigDecimal normalised = Money.of(amount, currency).amount();

        assertThat(normalised).isEqualTo(new BigDecimal(expected));
        assertThat(normalised.scale()).isEqualTo(new BigDecimal(expected).scale());
    }

    @Test
    void equalAmountsWrittenDifferentlyAreEqual() {
        assertThat(Money.of("10", "USD")).isEqualTo(Money.of("10.00", "USD"));
        assertThat(Money.of("10", "USD")).isNotEqualTo(Money.atLeast("10", "USD"));
        assertThat(Money.of("10", "USD")).isNotEqualTo(Money.of("10", "EUR"));
    }

    @Test
    void atLeastMarksALowerBound() {
        assertThat(Money.atLeast("10000000", "USD").lowerBound()).isTrue();
        assertThat(Money.of("10000000", "USD").lowerBound()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "Usd", "US", "USDX", "", " USD", "U1D"})
    void rejectsCodesThatAreNotThreeUpperCaseLetters(String code) {
        assertThatThrownBy(() -> Money.of("1", code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency must be an upper-case ISO 4217 code such as USD or KRW");
    }

    @ParameterizedTest
    @NullSource
    void rejectsMissingCurrency(String code) {
        assertThatThrownBy(() -> Money.of("1", code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnknownCodes() {
        assertThatThrownBy(() -> Money.of("1", "ABC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency ABC is not an ISO 4217 currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAU", "XXX", "XAG", "XDR", "XTS"})
    void rejectsCodesThatAreNotMoney(String code) {
        assertThatThrownBy(() -> Money.of("1", code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency " + code + " is not a money currency");
    }

    @Test
    void rejectsMissingAmount() {
        assertThatThrownBy(() -> new Money(null, "USD", false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("amount is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000000", "-1000000000000000", "1E+20", "99999999999999999999"})
    void rejectsAbsurdAmounts(String amount) {
        assertThatThrownBy(() -> Money.of(amount, "KRW"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount must be below 1000000000000000");
    }

    @Test
    void acceptsTheLargestSensibleAmount() {
        assertThat(Money.of("999999999999999", "KRW").amount()).isEqualTo(new BigDecimal("999999999999999"));
        assertThat(Money.of("999999999999999.99", "USD").amount()).isEqualTo(new BigDecimal("999999999999999.99"));
    }

    @Test
    void zeroAndNegativeAmountsAreMoneyButNotPositive() {
        assertThat(Money.of("0", "USD").positive()).isFalse();
        assertThat(Money.of("-1", "USD").positive()).isFalse();
        assertThat(Money.of("0.01", "USD").positive()).isTrue();
    }

    @Test
    void storesAmountAsANumberWithTheCurrencysScale() throws Exception {
        ObjectMapper mapper = MessageJson.newObjectMapper();

        assertThat(mapper.writeValueAsString(Money.atLeast("10000000", "USD")))
                .isEqualTo("{\"amount\":10000000.00,\"currency\":\"USD\",\"lowerBound\":true}");
        assertThat(mapper.writeValueAsString(Money.of("13000000000", "KRW")))
                .isEqualTo("{\"amount\":13000000000,\"currency\":\"KRW\",\"lowerBound\":false}");
    }

    @Test
    void readsBackWhatItStores() throws Exception {
        ObjectMapper mapper = MessageJson.newObjectMapper();
        Money money = Money.of("2500000.5", "USD");

        assertThat(mapper.readValue(mapper.writeValueAsString(money), Money.class))
                .isEqualTo(money);
    }

    @Test
    void checksStoredValuesWhenReadingThemBack() {
        ObjectMapper mapper = MessageJson.newObjectMapper();

        assertThatThrownBy(() ->
                        mapper.readValue("{\"amount\":1.5,\"currency\":\"KRW\",\"lowerBound\":false}", Money.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
