package org.cetdialogue.tracker.gateway.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.cetdialogue.tracker.gateway.web.ApiDates;

/** Parses and checks the query parameters of the audit endpoints; anything malformed is a 400. */
final class AuditParameters {

    private static final Pattern EVENT_TYPE = Pattern.compile("^[A-Z][A-Za-z]{0,99}$");
    private static final Pattern ACTOR = Pattern.compile("^[A-Za-z0-9._@-]{1,100}$");

    private AuditParameters() {}

    static String area(String name) {
        if (name == null) {
            return null;
        }
        return Arrays.stream(Area.values())
                .filter(a -> a.name().equalsIgnoreCase(name))
                .findFirst()
                .map(Area::name)
                .orElseThrow(() ->
                        InvalidRequestException.badRequest("area must be one of " + Arrays.toString(Area.values())));
    }

    static String eventType(String type) {
        if (type != null && !EVENT_TYPE.matcher(type).matches()) {
            throw InvalidRequestException.badRequest("type is an event's class name, such as MouSignedEvent");
        }
        return type;
    }

    static String actor(String actor) {
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            throw InvalidRequestException.badRequest("actor is a user name");
        }
        return actor;
    }

    /** A cursor in the global stream: events after it; absent, from the first (a store may count from 0). */
    static long after(Long value) {
        return value == null ? -1 : nonNegative(value, "after");
    }

    static long nonNegative(Long value, String name) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw InvalidRequestException.badRequest(name + " must not be negative");
        }
        return value;
    }

    static int limit(Integer limit, int max) {
        if (limit == null) {
            return 100;
        }
        if (limit < 1 || limit > max) {
            throw InvalidRequestException.badRequest("limit must be between 1 and " + max);
        }
        return limit;
    }

    /**
     * An instant ({@code 2024-03-01T00:00:00Z}) or a date ({@code 2024-03-01}, meaning its start in UTC), by the one
     * rule of the API ({@link ApiDates}); anything else, such as a year beyond four digits, is a 400 naming {@code
     * name}.
     */
    static Instant instant(String value, String name) {
        if (value == null) {
            return null;
        }
        LocalDate date = ApiDates.date(value);
        if (date != null) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        Instant instant = ApiDates.instant(value);
        if (instant == null) {
            throw InvalidRequestException.badRequest(
                    name + " must be " + ApiDates.DATE_RULE + " (its start in UTC) or " + ApiDates.INSTANT_RULE);
        }
        return instant;
    }

    /** A date by the one rule of the API ({@link ApiDates}); anything else is a 400 naming {@code name}. */
    static LocalDate date(String value, String name) {
        if (value == null) {
            return null;
        }
        LocalDate date = ApiDates.date(value);
        if (date == null) {
            throw InvalidRequestException.badRequest(name + " must be " + ApiDates.DATE_RULE);
        }
        return date;
    }
}
