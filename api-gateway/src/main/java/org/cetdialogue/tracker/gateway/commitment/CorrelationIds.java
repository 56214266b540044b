package org.cetdialogue.tracker.gateway.commitment;

import java.util.UUID;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;

/** The correlation id of a request: the caller's {@code X-Correlation-Id} if well-formed, else a new UUID. */
final class CorrelationIds {

    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private CorrelationIds() {}

    static String orNew(String header) {
        if (header == null) {
            return UUID.randomUUID().toString();
        }
        if (!SAFE.matcher(header).matches()) {
            throw InvalidRequestException.badRequest(
                    "X-Correlation-Id must be 1 to 100 letters, digits or . _ : - characters");
        }
        return header;
    }
}
