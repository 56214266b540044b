package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.gateway.error.RefusedJsonValue;

/**
 * A date in a request body is a string {@code yyyy-MM-dd} and nothing else: exactly four ASCII digits of year, two of
 * month and two of day, a real day of the calendar, from {@value #EARLIEST} to {@value #LATEST}. Not an array
 * {@code [2024,5,1]}, not a number of days, not a date-time, not 2024-02-30, and none of the years ISO 8601 allows
 * beyond four digits ({@code -0001-01-01}, {@code 0000-01-01}, {@code +99999-01-01}). Registered on the REST mapper
 * only: the stored events are read by their own mapper.
 */
class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    static final String EARLIEST = "1900-01-01";
    static final String LATEST = "9999-12-31";
    static final String RULE = "must be a date yyyy-MM-dd from " + EARLIEST + " to " + LATEST;

    private static final Pattern SHAPE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final LocalDate FIRST = LocalDate.parse(EARLIEST);

    StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText();
        LocalDate date = parse(text);
        if (date == null) {
            throw new RefusedJsonValue(parser, RULE, text, LocalDate.class);
        }
        return date;
    }

    /** The date {@code text} names, or null when it is not one in the grammar and range above. */
    static LocalDate parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return date.isBefore(FIRST) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
