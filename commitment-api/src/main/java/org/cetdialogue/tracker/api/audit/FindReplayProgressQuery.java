package org.cetdialogue.tracker.api.audit;

/** Finds how far a replay has come, answered by an optional {@link ReplayProgress}: empty for an unknown id. */
public record FindReplayProgressQuery(String replayId) {}
