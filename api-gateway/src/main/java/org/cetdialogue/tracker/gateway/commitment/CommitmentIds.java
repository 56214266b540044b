package org.cetdialogue.tracker.gateway.commitment;

import org.cetdialogue.tracker.api.commitment.CommitmentId;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;

/** Refuses a malformed commitment id in a path (path tricks, control characters) before any command or query. */
public final class CommitmentIds {

    private CommitmentIds() {}

    public static String require(String id) {
        if (!CommitmentId.isValid(id)) {
            throw InvalidRequestException.badRequest(
                    "a commitment id is 3 to 80 lower-case letters, digits or inner hyphens");
        }
        return id;
    }
}
