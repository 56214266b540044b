package org.cetdialogue.tracker.api.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every area as of an effective date and a recorded instant. */
public record AreasAsOf(LocalDate effectiveOn, Instant recordedBy, List<AreaAsOf> areas) {}
