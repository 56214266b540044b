package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import org.cetdialogue.tracker.gateway.error.RefusedJsonValue;

/**
 * A date in a request body is a string in {@link ApiDates}'s grammar and range and nothing else: not an array
 * {@code [2024,5,1]}, not a number of days, not a date-time, not 2024-02-30, and none of the years ISO 8601 allows
 * beyond four digits ({@code -0001-01-01}, {@code 0000-01-01}, {@code +99999-01-01}). Registered on the REST mapper
 * only: the stored events are read by their own mapper.
 */
class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    static final String RULE = "must be " + ApiDates.DATE_RULE;

    StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText();
        LocalDate date = ApiDates.date(text);
        if (date == null) {
            throw new RefusedJsonValue(parser, RULE, text, LocalDate.class);
        }
        return date;
    }
}
