package org.cetdialogue.tracker.api.query;

import java.util.List;

/** Commitments as lines of a list, ordered by area then id. */
public record CommitmentSummaryList(List<CommitmentSummary> commitments) {}
