package org.cetdialogue.tracker.api.query;

import java.time.LocalDate;

/** A milestone of a commitment, as recorded by the event at {@code sequence}. */
public record MilestoneView(long sequence, String description, LocalDate achievedOn) {}
