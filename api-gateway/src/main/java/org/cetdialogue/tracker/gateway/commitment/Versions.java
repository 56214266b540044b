package org.cetdialogue.tracker.gateway.commitment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;

/** Entity tags: a commitment's ETag is its aggregate version in quotes, {@code "7"}. */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header asks for; null when absent or {@code *} (any version). */
    public static Long of(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw InvalidRequestException.badRequest(
                    "If-Match must be one entity tag as returned in ETag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
