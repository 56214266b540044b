package org.cetdialogue.tracker.api.audit;

import java.util.List;
import java.util.Map;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;

/** One area as of the dates asked: its commitments by status and assessment, and its funding per currency. */
public record AreaAsOf(
        Area area,
        int commitmentCount,
        Map<LifecycleStatus, Integer> byStatus,
        Map<Assessment, Integer> byAssessment,
        List<FundingAsOf> funding,
        List<String> commitments) {}
