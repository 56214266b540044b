package org.cetdialogue.tracker.query.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.FundingEvent;
import org.cetdialogue.tracker.api.commitment.ProposalEvent;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.query.AreaFundingTotal;
import org.cetdialogue.tracker.api.query.FindFundingTotalsQuery;
import org.cetdialogue.tracker.api.query.FundingLineTotal;
import org.cetdialogue.tracker.api.query.FundingTotals;
import org.cetdialogue.tracker.api.query.FundingTotalsUpdate;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.api.query.StageAmount;
import org.cetdialogue.tracker.api.query.StageTotals;
import org.cetdialogue.tracker.query.audit.deadletter.ProjectionFaults;
import org.cetdialogue.tracker.query.correction.CorrectedRows;
import org.cetdialogue.tracker.query.subscription.SubscriptionUpdates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Funding totals by area, commitment, funder and currency. Every funding fact is kept as a row (so a correction can
 * replace it); totals are sums per stage: pledged, committed and disbursed are never added together, nor are
 * currencies. A total containing a figure announced as a minimum is flagged as a lower bound.
 */
@Component
@ProcessingGroup(FundingTotalsProjection.PROCESSING_GROUP)
public class FundingTotalsProjection {

    public static final String PROCESSING_GROUP = Projections.FUNDING_TOTALS;

    private static final CorrectedRows FUNDING_ROWS = CorrectedRows.funding("funding_entry");

    private final JdbcClient jdbc;
    private final SubscriptionUpdates updates;
    private final ProjectionFaults faults;

    public FundingTotalsProjection(JdbcClient jdbc, SubscriptionUpdates updates, ProjectionFaults faults) {
        this.jdbc = jdbc;
        this.updates = updates;
        this.faults = faults;
    }

    @EventHandler
    void on(ProposalEvent event, @SequenceNumber long sequence) {
        register(event.commitmentId(), event.area(), sequence);
    }

    @EventHandler
    void on(FundingEvent event, @SequenceNumber long sequence) {
        faults.check(PROCESSING_GROUP, event.commitmentId());
        unappliedArea(event.commitmentId(), sequence).ifPresent(area -> {
            jdbc.sql("INSERT INTO funding_entry (commitment_id, sequence_number, area, stage, funder, currency,"
                            + " amount, lower_bound, value_date) VALUES (:id, :sequence, :area, :stage, :funder,"
                            + " :currency, :amount, :lowerBound, :valueDate)")
                    .param("id", event.commitmentId())
                    .param("sequence", sequence)
                    .param("area", area.name())
                    .param("stage", event.stage().name())
                    .param("funder", event.funder())
                    .param("currency", event.amount().currency())
                    .param("amount", event.amount().amount())
                    .param("lowerBound", event.amount().lowerBound())
                    .param("valueDate", event.valueDate())
                    .update();
            applied(event, sequence, area);
        });
    }

    @EventHandler
    void on(EntryCorrectedEvent event, @SequenceNumber long sequence) {
        faults.check(PROCESSING_GROUP, event.commitmentId());
        unappliedArea(event.commitmentId(), sequence).ifPresent(area -> {
            FUNDING_ROWS.apply(jdbc, event);
            applied(event, sequence, area);
        });
    }

    /** Every other event changes no total: not even worth a read (most events of a long history are milestones). */
    @EventHandler
    void on(CommitmentEvent event) {
        faults.check(PROCESSING_GROUP, event.commitmentId());
    }

    private void applied(CommitmentEvent event, long sequence, Area area) {
        jdbc.sql("UPDATE funding_commitment SET last_sequence = :sequence WHERE commitment_id = :id")
                .param("sequence", sequence)
                .param("id", event.commitmentId())
                .update();
        publish(area);
    }

    /** The new totals to the dashboards subscribed to all areas, and to those subscribed to this one. */
    private void publish(Area area) {
        updates.emit(
                FindFundingTotalsQuery.class,
                position -> new FundingTotalsUpdate(position, null, handle(new FindFundingTotalsQuery(null))));
        updates.emit(
                FindFundingTotalsQuery.class,
                position -> new FundingTotalsUpdate(position, area, handle(new FindFundingTotalsQuery(area))));
    }

    @QueryHandler
    public FundingTotals handle(FindFundingTotalsQuery query) {
        String where = query.area() == null ? "" : " WHERE area = :area";
        var statement = jdbc.sql("SELECT area, commitment_id, funder, currency, stage, SUM(amount) AS total,"
                + " MAX(CASE WHEN lower_bound THEN 1 ELSE 0 END) AS lower_bound FROM funding_entry" + where
                + " GROUP BY area, commitment_id, funder, currency, stage"
                + " ORDER BY area, commitment_id, funder, currency, stage");
        if (query.area() != null) {
            statement = statement.param("area", query.area().name());
        }
        List<Sum> sums = statement.query(FundingTotalsProjection::sum).list();

        Map<List<Object>, StageTotals> lines = new LinkedHashMap<>();
        Map<List<Object>, StageTotals> areas = new LinkedHashMap<>();
        for (Sum sum : sums) {
            lines.merge(
                    List.of(sum.commitmentId(), sum.area(), sum.funder(), sum.currency()),
                    sum.totals(),
                    FundingTotalsProjection::combine);
            areas.merge(List.of(sum.area(), sum.currency()), sum.totals(), FundingTotalsProjection::combine);
        }
        List<FundingLineTotal> byLine = new ArrayList<>();
        lines.forEach((key, totals) -> byLine.add(new FundingLineTotal(
                (String) key.get(0),
                (Area) key.get(1),
                (String) key.get(2),
                (String) key.get(3),
                withZeros(totals, (String) key.get(3)))));
        List<AreaFundingTotal> byArea = new ArrayList<>();
        areas.forEach((key, totals) -> byArea.add(
                new AreaFundingTotal((Area) key.get(0), (String) key.get(1), withZeros(totals, (String) key.get(1)))));
        return new FundingTotals(byArea, byLine);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM funding_entry").update();
        jdbc.sql("DELETE FROM funding_commitment").update();
    }

    private void register(String commitmentId, Area area, long sequence) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM funding_commitment WHERE commitment_id = :id")
                        .param("id", commitmentId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!known) {
            jdbc.sql("INSERT INTO funding_commitment (commitment_id, area, last_sequence)"
                            + " VALUES (:id, :area, :sequence)")
                    .param("id", commitmentId)
                    .param("area", area.name())
                    .param("sequence", sequence)
                    .update();
        }
    }

    /** The commitment's area, if {@code sequence} has not been applied to it yet. */
    private Optional<Area> unappliedArea(String commitmentId, long sequence) {
        return jdbc.sql("SELECT area FROM funding_commitment WHERE commitment_id = :id AND last_sequence < :sequence")
                .param("id", commitmentId)
                .param("sequence", sequence)
                .query(String.class)
                .optional()
                .map(Area::valueOf);
    }

    private static Sum sum(ResultSet rs, int rowNum) throws SQLException {
        String currency = rs.getString("currency");
        StageAmount amount =
                new StageAmount(inMinorUnits(rs.getBigDecimal("total"), currency), rs.getInt("lower_bound") == 1);
        FundingStage stage = FundingStage.valueOf(rs.getString("stage"));
        return new Sum(
                Area.valueOf(rs.getString("area")),
                rs.getString("commitment_id"),
                rs.getString("funder"),
                currency,
                new StageTotals(
                        stage == FundingStage.PLEDGED ? amount : null,
                        stage == FundingStage.COMMITTED ? amount : null,
                        stage == FundingStage.DISBURSED ? amount : null));
    }

    /** A stage with no funding shows zero in the currency's minor units, not a missing value. */
    private static StageTotals withZeros(StageTotals totals, String currency) {
        StageAmount zero = new StageAmount(inMinorUnits(BigDecimal.ZERO, currency), false);
        return new StageTotals(
                totals.pledged() == null ? zero : totals.pledged(),
                totals.committed() == null ? zero : totals.committed(),
                totals.disbursed() == null ? zero : totals.disbursed());
    }

    private static BigDecimal inMinorUnits(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    private static StageTotals combine(StageTotals a, StageTotals b) {
        return new StageTotals(
                add(a.pledged(), b.pledged()), add(a.committed(), b.committed()), add(a.disbursed(), b.disbursed()));
    }

    private static StageAmount add(StageAmount a, StageAmount b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new StageAmount(a.amount().add(b.amount()), a.lowerBound() || b.lowerBound());
    }

    private record Sum(Area area, String commitmentId, String funder, String currency, StageTotals totals) {}
}
