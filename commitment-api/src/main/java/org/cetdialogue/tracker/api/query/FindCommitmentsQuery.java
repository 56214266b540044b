package org.cetdialogue.tracker.api.query;

import org.cetdialogue.tracker.api.commitment.Area;

/** Asks for the commitments of one area, or of all areas when {@code area} is null. */
public record FindCommitmentsQuery(Area area) {}
