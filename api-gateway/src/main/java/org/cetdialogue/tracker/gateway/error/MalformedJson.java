package org.cetdialogue.tracker.gateway.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Says what is wrong with an unreadable body without echoing internals (class names, stack traces). */
final class MalformedJson {

    private MalformedJson() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RefusedJsonValue refused) {
            return "field '" + path(refused) + "' " + refused.rule();
        }
        if (cause instanceof JsonParseException parse
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            // STRICT_DUPLICATE_DETECTION: the message names the key, which the client sent
            return "a key appears twice (" + parse.getOriginalMessage().substring("Duplicate field ".length())
                    + "): each key may appear once";
        }
        if (cause instanceof MismatchedInputException trailing
                && trailing.getPath().isEmpty()
                && trailing.getOriginalMessage().startsWith("Trailing token")) {
            // FAIL_ON_TRAILING_TOKENS
            return "the body must be exactly one JSON value, with nothing after it";
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "field '" + path(invalid) + "' has an invalid value";
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "field '" + path(mismatched) + "' has the wrong type";
        }
        if (cause instanceof JsonMappingException mapping
                && mapping.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        return "the body is not valid JSON for this request";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
