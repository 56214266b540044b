package org.cetdialogue.tracker.query.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.query.CommitmentView;
import org.cetdialogue.tracker.api.query.EventReference;
import org.cetdialogue.tracker.api.query.FundingEntryView;
import org.cetdialogue.tracker.api.query.MilestoneView;
import org.cetdialogue.tracker.query.lifecycle.Progress;

/** The stored form of one commitment's view: a mutable JSON document, folded event by event. */
class CommitmentDocument {

    public String commitmentId;
    public Area area;
    public CommitmentKind kind;
    public String titleEn;
    public String titleKo;
    public Progress progress = Progress.PROPOSED;
    public EventReference reachedBy;
    public List<EventReference> milestoneEvents = new ArrayList<>();
    public List<Party> parties = new ArrayList<>();
    public String sourceCitation;
    public LocalDate targetDate;
    public LocalDate announcedOn;
    public LocalDate signedOn;
    public LocalDate launchedOn;
    public LocalDate completedOn;
    public LocalDate cancelledOn;
    public List<MilestoneView> milestones = new ArrayList<>();
    public List<FundingEntryView> funding = new ArrayList<>();
    public long version;
    public Instant lastRecordedAt;

    CommitmentView toView() {
        List<EventReference> basis = new ArrayList<>();
        basis.add(reachedBy);
        if (progress.milestonesCount()) {
            basis.addAll(milestoneEvents);
        }
        LifecycleStatus status = progress.status();
        return new CommitmentView(
                commitmentId,
                area,
                kind,
                titleEn,
                titleKo,
                status,
                progress.assessment(),
                List.copyOf(basis),
                List.copyOf(parties),
                sourceCitation,
                targetDate,
                announcedOn,
                signedOn,
                launchedOn,
                completedOn,
                cancelledOn,
                List.copyOf(milestones),
                List.copyOf(funding),
                version,
                lastRecordedAt);
    }
}
