package org.cetdialogue.tracker.api.commitment;

/** Argument checks shared by the contract's records. */
public final class Text {

    private Text() {}

    /** Rejects null, blank, over-long or control-character text with an {@link IllegalArgumentException}. */
    public static String requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return optionalText(value, name, maxLength);
    }

    /** As {@link #requireText} but null is allowed. */
    public static String optionalText(String value, String name, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new IllegalArgumentException(name + " contains control characters");
        }
        return value;
    }
}
