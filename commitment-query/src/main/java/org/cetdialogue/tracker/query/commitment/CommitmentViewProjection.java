package org.cetdialogue.tracker.query.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvents;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.FundingEvent;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.commitment.ProposalEvent;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.query.CommitmentView;
import org.cetdialogue.tracker.api.query.CommitmentViewUpdate;
import org.cetdialogue.tracker.api.query.EventReference;
import org.cetdialogue.tracker.api.query.FindCommitmentQuery;
import org.cetdialogue.tracker.api.query.FundingEntryView;
import org.cetdialogue.tracker.api.query.MilestoneView;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.query.batch.PendingRows;
import org.cetdialogue.tracker.query.correction.CorrectedRows;
import org.cetdialogue.tracker.query.lifecycle.Progress;
import org.cetdialogue.tracker.query.subscription.SubscriptionUpdates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commitment view: the current state of each commitment, its parties, milestones and funding facts. Stored as a
 * JSON document per commitment; events already applied (by sequence number) are skipped.
 */
@Component
@ProcessingGroup(CommitmentViewProjection.PROCESSING_GROUP)
public class CommitmentViewProjection {

    public static final String PROCESSING_GROUP = Projections.COMMITMENT_VIEW;

    private static final CorrectedRows MILESTONE_ROWS = CorrectedRows.dated("commitment_view_milestone", "achieved_on");
    private static final CorrectedRows FUNDING_ROWS = CorrectedRows.funding("commitment_view_funding");

    private final JdbcClient jdbc;
    private final SubscriptionUpdates updates;
    private final ObjectMapper json = MessageJson.newObjectMapper();
    private final PendingRows<String, CommitmentDocument> pending = new PendingRows<>(PROCESSING_GROUP, this::update);

    public CommitmentViewProjection(JdbcClient jdbc, SubscriptionUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    /** An MOU proposal and any other proposal alike: the kind says which. */
    @EventHandler
    void on(ProposalEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (pending.get(event.commitmentId())
                .or(() -> load(event.commitmentId()))
                .isPresent()) {
            return; // applied before: a redelivery
        }
        CommitmentDocument doc = new CommitmentDocument();
        doc.commitmentId = event.commitmentId();
        doc.area = event.area();
        doc.kind = event.kind();
        doc.titleEn = event.titleEn();
        doc.titleKo = event.titleKo();
        doc.parties.addAll(event.parties());
        doc.sourceCitation = event.sourceCitation();
        doc.targetDate = event.targetDate();
        doc.announcedOn = event.effectiveOn();
        doc.reachedBy = reference(event, sequence);
        doc.version = sequence;
        doc.lastRecordedAt = recordedAt;
        jdbc.sql("INSERT INTO commitment_view (commitment_id, area, last_sequence, document)"
                        + " VALUES (:id, :area, :sequence, :document)")
                .param("id", doc.commitmentId)
                .param("area", doc.area.name())
                .param("sequence", sequence)
                .param("document", write(doc))
                .update();
        publish(doc);
    }

    @EventHandler
    void on(MouSignedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, doc -> doc.signedOn = event.signedOn());
    }

    @EventHandler
    void on(ProgramLaunchedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, doc -> doc.launchedOn = event.launchedOn());
    }

    @EventHandler
    void on(CommitmentCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, doc -> doc.completedOn = event.completedOn());
    }

    @EventHandler
    void on(CommitmentCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, doc -> doc.cancelledOn = event.cancelledOn());
    }

    @EventHandler
    void on(MilestoneRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(
                event,
                sequence,
                recordedAt,
                doc -> jdbc.sql("INSERT INTO commitment_view_milestone (commitment_id,"
                                + " sequence_number, description, achieved_on) VALUES (:id, :sequence, :description,"
                                + " :achievedOn)")
                        .param("id", doc.commitmentId)
                        .param("sequence", sequence)
                        .param("description", event.description())
                        .param("achievedOn", event.achievedOn())
                        .update());
    }

    @EventHandler
    void on(FundingEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(
                event,
                sequence,
                recordedAt,
                doc -> jdbc.sql("INSERT INTO commitment_view_funding (commitment_id,"
                                + " sequence_number, stage, funder, currency, amount, lower_bound, value_date) VALUES (:id,"
                                + " :sequence, :stage, :funder, :currency, :amount, :lowerBound, :valueDate)")
                        .param("id", doc.commitmentId)
                        .param("sequence", sequence)
                        .param("stage", event.stage().name())
                        .param("funder", event.funder())
                        .param("currency", event.amount().currency())
                        .param("amount", event.amount().amount())
                        .param("lowerBound", event.amount().lowerBound())
                        .param("valueDate", event.valueDate())
                        .update());
    }

    @EventHandler
    void on(EntryCorrectedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, doc -> correct(doc, event));
    }

    /** Every other event (start of implementation, suspension, resumption) moves only the lifecycle. */
    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, doc -> {});
    }

    /**
     * Folds {@code event} into its commitment's document unless it was applied already: the lifecycle step it takes,
     * then {@code change}. Changed on a copy, so that a failure leaves the pending document intact.
     */
    private void fold(CommitmentEvent event, long sequence, Instant recordedAt, Consumer<CommitmentDocument> change) {
        Optional<CommitmentDocument> current = pending.get(event.commitmentId())
                .or(() -> load(event.commitmentId()))
                .filter(doc -> sequence > doc.version);
        if (current.isEmpty()) {
            return;
        }
        CommitmentDocument doc = current.get().copy();
        doc.progress = doc.progress.next(event);
        if (Progress.isStep(event)) {
            doc.reachedBy = reference(event, sequence);
        }
        change.accept(doc);
        doc.version = sequence;
        doc.lastRecordedAt = recordedAt;
        pending.put(doc.commitmentId, doc);
        publish(doc);
    }

    /** Stores a changed document (before its batch commits: see {@link PendingRows}). */
    private void update(String commitmentId, CommitmentDocument doc) {
        jdbc.sql("UPDATE commitment_view SET document = :document, last_sequence = :sequence"
                        + " WHERE commitment_id = :id")
                .param("document", write(doc))
                .param("sequence", doc.version)
                .param("id", commitmentId)
                .update();
    }

    /** The commitment's new state to the dashboards subscribed to it. */
    private void publish(CommitmentDocument doc) {
        updates.emit(FindCommitmentQuery.class, position -> new CommitmentViewUpdate(position, viewOf(doc)));
    }

    @QueryHandler
    public Optional<CommitmentView> handle(FindCommitmentQuery query) {
        return load(query.commitmentId()).map(this::viewOf);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM commitment_view_milestone").update();
        jdbc.sql("DELETE FROM commitment_view_funding").update();
        jdbc.sql("DELETE FROM commitment_view").update();
    }

    /** The document with its milestone and funding rows. */
    private CommitmentView viewOf(CommitmentDocument doc) {
        List<MilestoneView> milestones = jdbc.sql("SELECT sequence_number, description, achieved_on"
                        + " FROM commitment_view_milestone WHERE commitment_id = :id ORDER BY sequence_number")
                .param("id", doc.commitmentId)
                .query((rs, n) ->
                        new MilestoneView(rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class)))
                .list();
        List<FundingEntryView> funding = jdbc.sql("SELECT sequence_number, stage, funder, currency, amount,"
                        + " lower_bound, value_date FROM commitment_view_funding WHERE commitment_id = :id"
                        + " ORDER BY sequence_number")
                .param("id", doc.commitmentId)
                .query((rs, n) -> new FundingEntryView(
                        rs.getLong(1),
                        FundingStage.valueOf(rs.getString(2)),
                        rs.getString(3),
                        new Money(rs.getBigDecimal(5), rs.getString(4), rs.getBoolean(6)),
                        rs.getObject(7, java.time.LocalDate.class)))
                .list();
        return doc.toView(milestones, funding);
    }

    private void correct(CommitmentDocument doc, EntryCorrectedEvent event) {
        CorrectedFields titles = new CorrectedFields(null, null, doc.titleEn, doc.titleKo).correctedBy(event.after());
        doc.titleEn = titles.titleEn();
        doc.titleKo = titles.titleKo();
        MILESTONE_ROWS.apply(jdbc, event);
        FUNDING_ROWS.apply(jdbc, event);
        LocalDate date = event.after().effectiveOn();
        if (date == null) {
            return;
        }
        if (CommitmentEvents.named(event.correctedEventType())
                .filter(ProposalEvent.class::isAssignableFrom)
                .isPresent()) {
            doc.announcedOn = date;
        }
        switch (event.correctedEventType()) {
            case "MouSignedEvent" -> doc.signedOn = date;
            case "ProgramLaunchedEvent" -> doc.launchedOn = date;
            case "CommitmentCompletedEvent" -> doc.completedOn = date;
            case "CommitmentCancelledEvent" -> doc.cancelledOn = date;
            default -> {
                // the proposal's date is set above, milestone and funding rows are corrected above; other dates are
                // not shown in the view
            }
        }
    }

    private Optional<CommitmentDocument> load(String commitmentId) {
        return jdbc.sql("SELECT document FROM commitment_view WHERE commitment_id = :id")
                .param("id", commitmentId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    private static EventReference reference(CommitmentEvent event, long sequence) {
        return new EventReference(sequence, event.getClass().getSimpleName());
    }

    private String write(CommitmentDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the view of " + doc.commitmentId, e);
        }
    }

    private CommitmentDocument read(String document) {
        try {
            return json.readValue(document, CommitmentDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored commitment view", e);
        }
    }
}
