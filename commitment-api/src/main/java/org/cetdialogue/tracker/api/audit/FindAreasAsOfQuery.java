package org.cetdialogue.tracker.api.audit;

import java.time.Instant;
import java.time.LocalDate;

/** Finds every area as of an effective date and a recorded instant (either null: no limit), as {@link AreasAsOf}. */
public record FindAreasAsOfQuery(LocalDate effectiveOn, Instant recordedBy) {}
