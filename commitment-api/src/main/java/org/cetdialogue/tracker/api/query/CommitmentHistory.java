package org.cetdialogue.tracker.api.query;

import java.util.List;

/** The events of one commitment in order. */
public record CommitmentHistory(String commitmentId, List<HistoryEntry> entries) {}
