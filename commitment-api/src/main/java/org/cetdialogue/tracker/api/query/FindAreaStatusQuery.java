package org.cetdialogue.tracker.api.query;

import java.util.Objects;
import org.cetdialogue.tracker.api.commitment.Area;

/** Asks for the status of one area. */
public record FindAreaStatusQuery(Area area) {

    public FindAreaStatusQuery {
        Objects.requireNonNull(area, "area is required");
    }
}
