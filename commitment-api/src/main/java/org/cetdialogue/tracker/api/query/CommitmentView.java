package org.cetdialogue.tracker.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.Party;

/**
 * The current state of one commitment. {@code version} is the sequence number of its last event; {@code
 * assessmentBasis} names the events the assessment was derived from.
 */
public record CommitmentView(
        String commitmentId,
        Area area,
        CommitmentKind kind,
        String titleEn,
        String titleKo,
        LifecycleStatus status,
        Assessment assessment,
        List<EventReference> assessmentBasis,
        List<Party> parties,
        String sourceCitation,
        LocalDate targetDate,
        LocalDate announcedOn,
        LocalDate signedOn,
        LocalDate launchedOn,
        LocalDate completedOn,
        LocalDate cancelledOn,
        List<MilestoneView> milestones,
        List<FundingEntryView> funding,
        long version,
        Instant lastRecordedAt) {}
