package org.cetdialogue.tracker.api.query;

/** Pledged, committed and disbursed side by side, never summed. */
public record StageTotals(StageAmount pledged, StageAmount committed, StageAmount disbursed) {}
