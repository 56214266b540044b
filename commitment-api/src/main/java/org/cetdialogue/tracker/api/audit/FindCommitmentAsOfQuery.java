package org.cetdialogue.tracker.api.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Finds one commitment as of an effective date and a recorded instant (either null: no limit on that axis), answered
 * by an optional {@link CommitmentAsOf}: empty when the commitment had not been proposed as of those dates.
 */
public record FindCommitmentAsOfQuery(String commitmentId, LocalDate effectiveOn, Instant recordedBy) {}
