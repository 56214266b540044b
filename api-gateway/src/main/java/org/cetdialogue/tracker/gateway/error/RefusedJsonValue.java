package org.cetdialogue.tracker.gateway.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value of the right type that the REST mapper's grammar refuses (an amount {@code "1e3"}, a date
 * {@code "+99999-01-01"}, an enum {@code "MOU "}). Its message is written for the client: the problem's detail names
 * the field and repeats it, with no class names.
 */
public class RefusedJsonValue extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    public RefusedJsonValue(JsonParser parser, String rule, Object value, Class<?> targetType) {
        super(parser, rule, value, targetType);
    }

    /** What the value must be, as the client reads it in the problem. */
    public String rule() {
        return getOriginalMessage();
    }
}
