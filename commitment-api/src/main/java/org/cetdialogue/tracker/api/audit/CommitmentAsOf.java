package org.cetdialogue.tracker.api.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;

/**
 * One commitment as of an effective date (what had happened by then) and a recorded instant (what the tracker knew by
 * then), computed from its events.
 *
 * @param basis the sequence numbers of the facts counted (recorded by {@code recordedBy}, effective by
 *     {@code effectiveOn}, after the corrections known by then)
 * @param corrections the sequence numbers of the corrections known by {@code recordedBy}
 */
public record CommitmentAsOf(
        String commitmentId,
        Area area,
        LocalDate effectiveOn,
        Instant recordedBy,
        String titleEn,
        String titleKo,
        LifecycleStatus status,
        Assessment assessment,
        int milestones,
        List<FundingAsOf> funding,
        List<Long> basis,
        List<Long> corrections) {}
