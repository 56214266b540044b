package org.cetdialogue.tracker.api.query;

/** Asks for the status of every area, all seven, including those without commitments. */
public record FindAreasQuery() {}
