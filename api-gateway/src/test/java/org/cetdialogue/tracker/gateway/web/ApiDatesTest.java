package org.cetdialogue.tracker.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one date rule of the API ({@link ApiDates}): what it reads, and what it refuses. */
class ApiDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "2024-02-29", "9999-12-31"})
    void aFourDigitDateInTheRangeIsRead(String text) {
        assertThat(ApiDates.date(text)).isEqualTo(LocalDate.parse(text));
    }

    /** The cases the hostile-input properties send, in bodies and in query parameters. */
    static List<String> farDates() {
        return HostileRequestPropertiesTest.FAR_DATES;
    }

    static List<String> farInstants() {
        return HostileRequestPropertiesTest.FAR_INSTANTS;
    }

    @ParameterizedTest
    @MethodSource("farDates")
    @ValueSource(strings = {"2023-02-29", "2024-06-20T00:00:00Z"})
    void anyOtherDateIsRefused(String text) {
        assertThat(ApiDates.date(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1900-01-01T00:00:00Z",
                "2024-03-01T09:00:00Z",
                "2024-03-01T09:00:00.123Z",
                "2024-03-01T18:00:00+09:00",
                "9999-12-31T23:59:59Z"
            })
    void anInstantWhoseDayInUtcIsInTheRangeIsRead(String text) {
        assertThat(ApiDates.instant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @MethodSource("farInstants")
    @ValueSource(strings = {"2024-03-01T24:00:00Z", "2024-03-01"})
    void anyOtherInstantIsRefused(String text) {
        assertThat(ApiDates.instant(text)).as(text).isNull();
    }
}
