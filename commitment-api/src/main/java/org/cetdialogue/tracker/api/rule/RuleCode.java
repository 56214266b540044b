package org.cetdialogue.tracker.api.rule;

/**
 * Why a command was refused. The code travels with the refusal (as {@link RuleViolation} details of Axon's
 * CommandExecutionException) so that a gateway in another JVM can answer with the right HTTP status.
 */
public enum RuleCode {
    /** A lifecycle rule: the command does not fit the commitment's current state. */
    NOT_AN_MOU(Category.CONFLICT),
    MOU_ALREADY_SIGNED(Category.CONFLICT),
    MOU_NOT_SIGNED(Category.CONFLICT),
    ALREADY_LAUNCHED(Category.CONFLICT),
    NOT_LAUNCHED(Category.CONFLICT),
    ALREADY_IMPLEMENTING(Category.CONFLICT),
    ALREADY_SUSPENDED(Category.CONFLICT),
    NOT_SUSPENDED(Category.CONFLICT),
    COMMITMENT_CLOSED(Category.CONFLICT),
    COMMITMENT_EXISTS(Category.CONFLICT),
    UNKNOWN_ENTRY(Category.CONFLICT),
    ENTRY_NOT_CORRECTABLE(Category.CONFLICT),
    /** The command's own values are unacceptable (a future date for a past fact, a non-positive amount). */
    EFFECTIVE_DATE_IN_FUTURE(Category.INVALID),
    INVALID_ARGUMENT(Category.INVALID),
    /** An {@code Idempotency-Key} the commitment already applied, sent again with a different request. */
    IDEMPOTENCY_KEY_REUSED(Category.INVALID),
    /** No commitment has that id. */
    COMMITMENT_NOT_FOUND(Category.NOT_FOUND),
    /** Someone else changed the commitment since the version the caller saw. */
    VERSION_CONFLICT(Category.STALE);

    /** How a gateway classifies a refusal: 409, 422, 404 or 412 in HTTP. */
    public enum Category {
        CONFLICT,
        INVALID,
        NOT_FOUND,
        STALE
    }

    private final Category category;

    RuleCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
