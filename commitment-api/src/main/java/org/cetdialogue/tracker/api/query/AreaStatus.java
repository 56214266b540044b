package org.cetdialogue.tracker.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;

/**
 * One area: how many of its commitments stand at each lifecycle status and assessment, which are overdue (target date
 * passed, neither completed nor cancelled), and when it last saw activity.
 */
public record AreaStatus(
        Area area,
        String labelEn,
        String labelKo,
        int commitmentCount,
        Map<LifecycleStatus, Integer> byStatus,
        Map<Assessment, Integer> byAssessment,
        List<CommitmentSummary> commitments,
        List<CommitmentSummary> overdue,
        LocalDate lastActivityOn,
        Instant lastRecordedAt) {}
