package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.gateway.error.RefusedJsonValue;

/**
 * An amount in a request body (the only decimals the API reads) has one grammar, whether sent as a JSON string
 * ({@code "2500000.00"}) or a JSON number ({@code 2500000.00}, read from its literal text): {@value #GRAMMAR}, that is
 * up to 16 digits with no sign and no leading zero, then optionally a point and 1 to 4 decimals. No exponent
 * ({@code 1e3}), no sign ({@code +10}, {@code -5}), no spaces ({@code " 10"}), no {@code NaN}. Whether the amount is
 * positive and has no more decimals than its currency is the contract's rule, answered 422 after it is read.
 * Registered on the REST mapper only.
 */
class StrictAmountDeserializer extends StdScalarDeserializer<BigDecimal> {

    static final String GRAMMAR = "^(0|[1-9][0-9]{0,15})(\\.[0-9]{1,4})?$";
    static final String RULE = "must be a decimal such as \"2500000.00\": up to 16 digits, optionally a point and 1 to"
            + " 4 decimals; no sign, exponent or spaces";

    private static final Pattern AMOUNT = Pattern.compile(GRAMMAR);

    StrictAmountDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)
                && !parser.hasToken(JsonToken.VALUE_NUMBER_INT)
                && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        String text = parser.getText();
        if (!AMOUNT.matcher(text).matches()) {
            throw new RefusedJsonValue(parser, RULE, text, BigDecimal.class);
        }
        return new BigDecimal(text);
    }
}
