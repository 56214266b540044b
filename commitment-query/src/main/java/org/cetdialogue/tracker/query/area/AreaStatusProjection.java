package org.cetdialogue.tracker.query.area;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.ProposalEvent;
import org.cetdialogue.tracker.api.query.AreaStatus;
import org.cetdialogue.tracker.api.query.AreaStatusList;
import org.cetdialogue.tracker.api.query.AreaStatusUpdate;
import org.cetdialogue.tracker.api.query.CommitmentSummary;
import org.cetdialogue.tracker.api.query.CommitmentSummaryList;
import org.cetdialogue.tracker.api.query.FindAreaStatusQuery;
import org.cetdialogue.tracker.api.query.FindAreasQuery;
import org.cetdialogue.tracker.api.query.FindCommitmentsQuery;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.query.batch.PendingRows;
import org.cetdialogue.tracker.query.lifecycle.Progress;
import org.cetdialogue.tracker.query.subscription.SubscriptionUpdates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Area status: per area, its commitments by lifecycle status and assessment, the overdue ones (target date passed,
 * still open) and the last activity. One row a commitment; grouped per area when asked. "Overdue" is judged at query
 * time against the clock, so it needs no event to become true.
 */
@Component
@ProcessingGroup(AreaStatusProjection.PROCESSING_GROUP)
public class AreaStatusProjection {

    public static final String PROCESSING_GROUP = Projections.AREA_STATUS;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SubscriptionUpdates updates;
    private final PendingRows<String, Row> pending = new PendingRows<>(PROCESSING_GROUP, this::update);

    public AreaStatusProjection(JdbcClient jdbc, Clock clock, SubscriptionUpdates updates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.updates = updates;
    }

    /** An MOU proposal and any other proposal alike: the kind says which. */
    @EventHandler
    void on(ProposalEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (pending.get(event.commitmentId())
                .or(() -> row(event.commitmentId()))
                .isPresent()) {
            return;
        }
        Progress progress = Progress.PROPOSED;
        jdbc.sql("INSERT INTO area_commitment (commitment_id, area, kind, title_en, title_ko, status,"
                        + " reached_status, assessment, milestone_count, target_date, last_activity_on,"
                        + " last_recorded_at, last_sequence) VALUES (:id, :area, :kind, :titleEn, :titleKo, :status,"
                        + " :reached, :assessment, 0, :targetDate, :lastActivity, :recordedAt, :sequence)")
                .param("id", event.commitmentId())
                .param("area", event.area().name())
                .param("kind", event.kind().name())
                .param("titleEn", event.titleEn())
                .param("titleKo", event.titleKo())
                .param("status", progress.status().name())
                .param("reached", progress.reached().name())
                .param("assessment", progress.assessment().name())
                .param("targetDate", event.targetDate())
                .param("lastActivity", event.effectiveOn())
                .param("recordedAt", utc(recordedAt))
                .param("sequence", sequence)
                .update();
        publish();
    }

    @EventHandler
    void on(EntryCorrectedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, event.after());
    }

    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fold(event, sequence, recordedAt, null);
    }

    /** Folds {@code event} into its commitment's row unless applied already, with {@code correction}'s titles. */
    private void fold(CommitmentEvent event, long sequence, Instant recordedAt, CorrectedFields correction) {
        Optional<Row> found = pending.get(event.commitmentId())
                .or(() -> row(event.commitmentId()))
                .filter(r -> sequence > r.lastSequence());
        if (found.isEmpty()) {
            return;
        }
        Row row = found.get();
        CorrectedFields titles = new CorrectedFields(null, null, row.titleEn(), row.titleKo());
        if (correction != null) {
            titles = titles.correctedBy(correction);
        }
        pending.put(
                row.commitmentId(),
                new Row(
                        row.commitmentId(),
                        row.area(),
                        row.kind(),
                        titles.titleEn(),
                        titles.titleKo(),
                        row.progress().next(event),
                        row.targetDate(),
                        latest(row.lastActivityOn(), event.effectiveOn()),
                        recordedAt,
                        sequence));
        publish();
    }

    /** Stores a changed row (before its batch commits: see {@link PendingRows}). */
    private void update(String commitmentId, Row row) {
        jdbc.sql("UPDATE area_commitment SET status = :status, reached_status = :reached,"
                        + " assessment = :assessment, milestone_count = :milestones, title_en = :titleEn,"
                        + " title_ko = :titleKo, last_activity_on = :lastActivity, last_recorded_at = :recordedAt,"
                        + " last_sequence = :sequence WHERE commitment_id = :id")
                .param("status", row.progress().status().name())
                .param("reached", row.progress().reached().name())
                .param("assessment", row.progress().assessment().name())
                .param("milestones", row.progress().milestones())
                .param("titleEn", row.titleEn())
                .param("titleKo", row.titleKo())
                .param("lastActivity", row.lastActivityOn())
                .param("recordedAt", utc(row.lastRecordedAt()))
                .param("sequence", row.lastSequence())
                .param("id", commitmentId)
                .update();
    }

    @QueryHandler
    public AreaStatusList handle(FindAreasQuery query) {
        List<Row> rows = jdbc.sql(SELECT + " ORDER BY area, commitment_id")
                .query(this::map)
                .list();
        return new AreaStatusList(Arrays.stream(Area.values())
                .map(area ->
                        status(area, rows.stream().filter(r -> r.area() == area).toList()))
                .toList());
    }

    @QueryHandler
    public AreaStatus handle(FindAreaStatusQuery query) {
        return status(query.area(), rows(query.area()));
    }

    @QueryHandler
    public CommitmentSummaryList handle(FindCommitmentsQuery query) {
        List<Row> rows = query.area() == null
                ? jdbc.sql(SELECT + " ORDER BY area, commitment_id")
                        .query(this::map)
                        .list()
                : rows(query.area());
        LocalDate today = LocalDate.now(clock);
        return new CommitmentSummaryList(rows.stream()
                .sorted(Comparator.comparing(Row::area).thenComparing(Row::commitmentId))
                .map(r -> r.summary(today))
                .toList());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM area_commitment").update();
    }

    private AreaStatus status(Area area, List<Row> rows) {
        LocalDate today = LocalDate.now(clock);
        Map<LifecycleStatus, Integer> byStatus = new EnumMap<>(LifecycleStatus.class);
        Map<Assessment, Integer> byAssessment = new EnumMap<>(Assessment.class);
        List<CommitmentSummary> commitments = new ArrayList<>();
        for (Row row : rows) {
            byStatus.merge(row.progress().status(), 1, Integer::sum);
            byAssessment.merge(row.progress().assessment(), 1, Integer::sum);
            commitments.add(row.summary(today));
        }
        return new AreaStatus(
                area,
                area.labelEn(),
                area.labelKo(),
                rows.size(),
                byStatus,
                byAssessment,
                commitments,
                commitments.stream().filter(CommitmentSummary::overdue).toList(),
                rows.stream()
                        .map(Row::lastActivityOn)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                rows.stream()
                        .map(Row::lastRecordedAt)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    }

    /** The new state of all areas to the dashboards subscribed to them. */
    private void publish() {
        updates.emit(FindAreasQuery.class, position -> {
            pending.flush(); // the update is read from the table: it must hold this batch's rows
            return new AreaStatusUpdate(position, handle(new FindAreasQuery()));
        });
    }

    private static final String SELECT = "SELECT commitment_id, area, kind, title_en, title_ko, status,"
            + " reached_status, milestone_count, target_date, last_activity_on, last_recorded_at,"
            + " last_sequence FROM area_commitment";

    private List<Row> rows(Area area) {
        return jdbc.sql(SELECT + " WHERE area = :area ORDER BY commitment_id")
                .param("area", area.name())
                .query(this::map)
                .list();
    }

    private Optional<Row> row(String commitmentId) {
        return jdbc.sql(SELECT + " WHERE commitment_id = :id")
                .param("id", commitmentId)
                .query(this::map)
                .optional();
    }

    private Row map(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime recorded = rs.getObject("last_recorded_at", OffsetDateTime.class);
        return new Row(
                rs.getString("commitment_id"),
                Area.valueOf(rs.getString("area")),
                CommitmentKind.valueOf(rs.getString("kind")),
                rs.getString("title_en"),
                rs.getString("title_ko"),
                new Progress(
                        LifecycleStatus.valueOf(rs.getString("status")),
                        LifecycleStatus.valueOf(rs.getString("reached_status")),
                        rs.getInt("milestone_count")),
                rs.getObject("target_date", LocalDate.class),
                rs.getObject("last_activity_on", LocalDate.class),
                recorded == null ? null : recorded.toInstant(),
                rs.getLong("last_sequence"));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(
            String commitmentId,
            Area area,
            CommitmentKind kind,
            String titleEn,
            String titleKo,
            Progress progress,
            LocalDate targetDate,
            LocalDate lastActivityOn,
            Instant lastRecordedAt,
            long lastSequence) {

        CommitmentSummary summary(LocalDate today) {
            boolean overdue = targetDate != null
                    && targetDate.isBefore(today)
                    && !progress.status().isClosed();
            return new CommitmentSummary(
                    commitmentId,
                    area,
                    kind,
                    titleEn,
                    titleKo,
                    progress.status(),
                    progress.assessment(),
                    targetDate,
                    overdue,
                    lastActivityOn);
        }
    }
}
