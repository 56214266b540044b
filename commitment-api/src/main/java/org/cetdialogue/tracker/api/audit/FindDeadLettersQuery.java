package org.cetdialogue.tracker.api.audit;

/** Finds the events parked by the projections, answered by a {@link DeadLetterList}. */
public record FindDeadLettersQuery() {}
