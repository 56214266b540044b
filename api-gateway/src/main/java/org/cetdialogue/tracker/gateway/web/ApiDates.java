package org.cetdialogue.tracker.gateway.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one rule for dates and instants the API reads, in request bodies and query parameters alike. A date is {@code
 * yyyy-MM-dd}: exactly four ASCII digits of year, two of month and two of day, a real day of the calendar, from
 * {@value #EARLIEST} to {@value #LATEST}; none of the years ISO 8601 allows beyond four digits ({@code -0001-01-01},
 * {@code 0000-01-01}, {@code +99999-01-01}). An instant is such a date, {@code T}, a time and a zone ({@code
 * 2024-03-01T09:00:00Z}, {@code 2024-03-01T09:00:00+09:00}), whose day in UTC is in the same range.
 */
public final class ApiDates {

    public static final String EARLIEST = "1900-01-01";
    public static final String LATEST = "9999-12-31";
    /** What a date must be, for the problem a refusal answers. */
    public static final String DATE_RULE = "a date yyyy-MM-dd from " + EARLIEST + " to " + LATEST;
    /** What an instant must be, for the problem a refusal answers. */
    public static final String INSTANT_RULE =
            "an instant yyyy-MM-ddTHH:mm:ssZ (or with an offset) from " + EARLIEST + " to " + LATEST + " in UTC";

    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern INSTANT = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)$");
    private static final LocalDate FIRST = LocalDate.parse(EARLIEST);
    private static final LocalDate LAST = LocalDate.parse(LATEST);

    private ApiDates() {}

    /** The date {@code text} names, or null when it is not one in the grammar and range above. */
    public static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return inRange(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant {@code text} names, or null when it is not one in the grammar and range above. */
    public static Instant instant(String text) {
        if (!INSTANT.matcher(text).matches()) {
            return null;
        }
        try {
            Instant instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            return inRange(instant.atOffset(ZoneOffset.UTC).toLocalDate()) == null ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate inRange(LocalDate date) {
        return date.isBefore(FIRST) || date.isAfter(LAST) ? null : date;
    }
}
