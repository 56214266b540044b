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

/**
 * The stored form of one commitment's view: a small mutable JSON document of its scalar fields, folded event by event.
 * Milestones and funding facts, which grow with the history, are rows of their own.
 */
class CommitmentDocument {

    public String commitmentId;
    public Area area;
    public CommitmentKind kind;
    public String titleEn;
    public String titleKo;
    public Progress progress = Progress.PROPOSED;
    public EventReference reachedBy;
    public List<Party> parties = new ArrayList<>();
    public String sourceCitation;
    public LocalDate targetDate;
    public LocalDate announcedOn;
    public LocalDate signedOn;
    public LocalDate launchedOn;
    public LocalDate completedOn;
    public LocalDate cancelledOn;
    public long version;
    public Instant lastRecordedAt;

    /** A copy to fold the next event into; the parties list is copied, every other field is immutable. */
    CommitmentDocument copy() {
        CommitmentDocument copy = new CommitmentDocument();
        copy.commitmentId = commitmentId;
        copy.area = area;
        copy.kind = kind;
        copy.titleEn = titleEn;
        copy.titleKo = titleKo;
        copy.progress = progress;
        copy.reachedBy = reachedBy;
        copy.parties = new ArrayList<>(parties);
        copy.sourceCitation = sourceCitation;
        copy.targetDate = targetDate;
        copy.announcedOn = announcedOn;
        copy.signedOn = signedOn;
        copy.launchedOn = launchedOn;
        copy.completedOn = completedOn;
        copy.cancelledOn = cancelledOn;
        copy.version = version;
        copy.lastRecordedAt = lastRecordedAt;
        return copy;
    }

    /**
     * The view, with the milestones and funding facts stored beside the document. The assessment's basis is the event
     * that reached the current step and, where milestones make a launched commitment substantial, the first of them.
     */
    CommitmentView toView(List<MilestoneView> milestones, List<FundingEntryView> funding) {
        List<EventReference> basis = new ArrayList<>();
        basis.add(reachedBy);
        if (progress.milestonesCount() && !milestones.isEmpty()) {
            basis.add(new EventReference(milestones.get(0).sequence(), "MilestoneRecordedEvent"));
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
