package org.cetdialogue.tracker.gateway.freshness;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;

/**
 * The minimum position a read asks for: the query parameter {@code minPosition} or the header {@code X-Min-Position},
 * a global position as a write answered it ({@code X-Event-Position}). A value that is not a non-negative decimal
 * integer of at most 18 digits, or two that differ, is a 400.
 */
public final class MinimumPosition {

    public static final String PARAMETER = "minPosition";
    public static final String HEADER = "X-Min-Position";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private MinimumPosition() {}

    /** The position asked for, or null when the request asks for none. */
    public static Long of(HttpServletRequest request) {
        String[] parameters = request.getParameterValues(PARAMETER);
        if (parameters != null && parameters.length > 1) {
            throw InvalidRequestException.badRequest(PARAMETER + " may be given once");
        }
        Long parameter = parameters == null ? null : parse(PARAMETER, parameters[0]);
        Long header = request.getHeader(HEADER) == null ? null : parse(HEADER, request.getHeader(HEADER));
        if (parameter != null && header != null && !parameter.equals(header)) {
            throw InvalidRequestException.badRequest(PARAMETER + " and " + HEADER + " name different positions");
        }
        return parameter != null ? parameter : header;
    }

    private static Long parse(String name, String value) {
        if (!DIGITS.matcher(value).matches()) {
            throw InvalidRequestException.badRequest(
                    name + " must be a global position as a write answered it in X-Event-Position, such as 42");
        }
        return Long.parseLong(value);
    }
}
