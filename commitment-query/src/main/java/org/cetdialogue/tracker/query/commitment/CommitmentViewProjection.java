package org.cetdialogue.tracker.query.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.funding.FundingEvent;
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

    private final JdbcClient jdbc;
    private final SubscriptionUpdates updates;
    private final ObjectMapper json = MessageJson.newObjectMapper();
    private final PendingRows<String, CommitmentDocument> pending = new PendingRows<>(PROCESSING_GROUP, this::update);

    public CommitmentViewProjection(JdbcClient jdbc, SubscriptionUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @EventHandler
    void on(CommitmentProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        CommitmentDocument doc = new CommitmentDocument();
        doc.commitmentId = event.commitmentId();
        doc.area = event.area();
        doc.kind = event.kind();
        doc.titleEn = event.titleEn();
        doc.titleKo = event.titleKo();
        doc.parties.addAll(event.parties());
        doc.sourceCitation = event.sourceCitation();
        doc.targetDate = event.targetDate();
        doc.announcedOn = event.announcedOn();
        create(doc, event, sequence, recordedAt);
    }

    @EventHandler
    void on(MouProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        CommitmentDocument doc = new CommitmentDocument();
        doc.commitmentId = event.commitmentId();
        doc.area = event.area();
        doc.kind = CommitmentKind.MOU;
        doc.titleEn = event.titleEn();
        doc.titleKo = event.titleKo();
        doc.parties.addAll(event.parties());
        doc.sourceCitation = event.sourceCitation();
        doc.targetDate = event.targetDate();
        doc.announcedOn = event.proposedOn();
        create(doc, event, sequence, recordedAt);
    }

    /** Every later event: fold it into the document unless it was applied already. */
    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event instanceof CommitmentProposedEvent || event instanceof MouProposedEvent) {
            return; // handled above; Axon picks the most specific handler, this guards a redelivery
        }
        Optional<CommitmentDocument> current = pending.get(event.commitmentId())
                .or(() -> load(event.commitmentId()))
                .filter(doc -> sequence > doc.version);
        if (current.isEmpty()) {
            return;
        }
        CommitmentDocument doc = current.get().copy(); // changed on a copy: a failure leaves the pending one intact
        apply(doc, event, sequence);
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
        updates.emit(
                FindCommitmentQuery.class,
                query -> doc.commitmentId.equals(query.commitmentId()),
                position -> new CommitmentViewUpdate(position, viewOf(doc)));
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

    private void create(CommitmentDocument doc, CommitmentEvent event, long sequence, Instant recordedAt) {
        if (pending.get(doc.commitmentId).or(() -> load(doc.commitmentId)).isPresent()) {
            return;
        }
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

    private void apply(CommitmentDocument doc, CommitmentEvent event, long sequence) {
        doc.progress = doc.progress.next(event);
        if (Progress.isStep(event)) {
            doc.reachedBy = reference(event, sequence);
        }
        if (event instanceof MouSignedEvent signed) {
            doc.signedOn = signed.signedOn();
        } else if (event instanceof ProgramLaunchedEvent launched) {
            doc.launchedOn = launched.launchedOn();
        } else if (event instanceof CommitmentCompletedEvent completed) {
            doc.completedOn = completed.completedOn();
        } else if (event instanceof CommitmentCancelledEvent cancelled) {
            doc.cancelledOn = cancelled.cancelledOn();
        } else if (event instanceof MilestoneRecordedEvent milestone) {
            jdbc.sql("INSERT INTO commitment_view_milestone (commitment_id, sequence_number, description, achieved_on)"
                            + " VALUES (:id, :sequence, :description, :achievedOn)")
                    .param("id", doc.commitmentId)
                    .param("sequence", sequence)
                    .param("description", milestone.description())
                    .param("achievedOn", milestone.achievedOn())
                    .update();
        } else if (event instanceof FundingEvent funding) {
            jdbc.sql("INSERT INTO commitment_view_funding (commitment_id, sequence_number, stage, funder, currency,"
                            + " amount, lower_bound, value_date) VALUES (:id, :sequence, :stage, :funder, :currency,"
                            + " :amount, :lowerBound, :valueDate)")
                    .param("id", doc.commitmentId)
                    .param("sequence", sequence)
                    .param("stage", funding.stage().name())
                    .param("funder", funding.funder())
                    .param("currency", funding.amount().currency())
                    .param("amount", funding.amount().amount())
                    .param("lowerBound", funding.amount().lowerBound())
                    .param("valueDate", funding.valueDate())
                    .update();
        } else if (event instanceof EntryCorrectedEvent corrected) {
            correct(doc, corrected);
        }
    }

    private void correct(CommitmentDocument doc, EntryCorrectedEvent event) {
        CorrectedFields after = event.after();
        long target = event.correctedSequence();
        if (after.titleEn() != null) {
            doc.titleEn = after.titleEn();
        }
        if (after.titleKo() != null) {
            doc.titleKo = after.titleKo();
        }
        if (after.effectiveOn() != null) {
            jdbc.sql("UPDATE commitment_view_milestone SET achieved_on = :date"
                            + " WHERE commitment_id = :id AND sequence_number = :sequence")
                    .param("date", after.effectiveOn())
                    .param("id", doc.commitmentId)
                    .param("sequence", target)
                    .update();
            jdbc.sql("UPDATE commitment_view_funding SET value_date = :date"
                            + " WHERE commitment_id = :id AND sequence_number = :sequence")
                    .param("date", after.effectiveOn())
                    .param("id", doc.commitmentId)
                    .param("sequence", target)
                    .update();
        }
        if (after.amount() != null) {
            jdbc.sql("UPDATE commitment_view_funding SET amount = :amount, currency = :currency,"
                            + " lower_bound = :lowerBound WHERE commitment_id = :id AND sequence_number = :sequence")
                    .param("amount", after.amount().amount())
                    .param("currency", after.amount().currency())
                    .param("lowerBound", after.amount().lowerBound())
                    .param("id", doc.commitmentId)
                    .param("sequence", target)
                    .update();
        }
        if (after.effectiveOn() != null) {
            switch (event.correctedEventType()) {
                case "CommitmentProposedEvent", "MouProposedEvent" -> doc.announcedOn = after.effectiveOn();
                case "MouSignedEvent" -> doc.signedOn = after.effectiveOn();
                case "ProgramLaunchedEvent" -> doc.launchedOn = after.effectiveOn();
                case "CommitmentCompletedEvent" -> doc.completedOn = after.effectiveOn();
                case "CommitmentCancelledEvent" -> doc.cancelledOn = after.effectiveOn();
                default -> {
                    // milestones and funding rows are corrected above; other dates are not shown in the view
                }
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
