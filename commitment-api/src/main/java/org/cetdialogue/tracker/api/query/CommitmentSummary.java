package org.cetdialogue.tracker.api.query;

import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;

/** A commitment as a line in a list. {@code overdue}: its target date has passed and it is still open. */
public record CommitmentSummary(
        String commitmentId,
        Area area,
        CommitmentKind kind,
        String titleEn,
        String titleKo,
        LifecycleStatus status,
        Assessment assessment,
        LocalDate targetDate,
        boolean overdue,
        LocalDate lastActivityOn) {}
