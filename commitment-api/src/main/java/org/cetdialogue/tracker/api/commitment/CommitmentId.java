package org.cetdialogue.tracker.api.commitment;

import java.util.regex.Pattern;

/**
 * The rules for a commitment identifier: a lower-case slug such as {@code bio-nsf-msit-bioeconomy-rd}, safe in a URL
 * path and a log line. Identifiers are plain strings in messages; this class only checks them.
 */
public final class CommitmentId {

    public static final String PATTERN = "^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private CommitmentId() {}

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }

    public static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(
                    "commitment id must be 3 to 80 lower-case letters, digits or inner hyphens");
        }
        return id;
    }
}
