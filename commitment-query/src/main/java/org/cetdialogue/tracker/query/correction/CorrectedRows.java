package org.cetdialogue.tracker.query.correction;

import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.funding.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A correction applied to the row a read model keeps for the entry it names (a table keyed by commitment and sequence
 * number, with the entry's date and, for funding, its amount): the row's values are read, corrected by
 * {@link CorrectedFields#correctedBy(CorrectedFields)}, the one rule every correction follows, and written back.
 */
public record CorrectedRows(String table, String dateColumn, boolean withAmount) {

    /** Rows of funding facts: value date and amount. */
    public static CorrectedRows funding(String table) {
        return new CorrectedRows(table, "value_date", true);
    }

    /** Rows of dated facts without an amount. */
    public static CorrectedRows dated(String table, String dateColumn) {
        return new CorrectedRows(table, dateColumn, false);
    }

    /** Applies {@code event} to its entry's row, if this table holds one. */
    public void apply(JdbcClient jdbc, EntryCorrectedEvent event) {
        String amountColumns = withAmount ? ", amount, currency, lower_bound" : "";
        jdbc.sql("SELECT " + dateColumn + amountColumns + " FROM " + table + WHERE)
                .param("id", event.commitmentId())
                .param("sequence", event.correctedSequence())
                .query((rs, n) -> new CorrectedFields(
                        rs.getObject(1, LocalDate.class),
                        withAmount ? new Money(rs.getBigDecimal(2), rs.getString(3), rs.getBoolean(4)) : null,
                        null,
                        null))
                .optional()
                .map(values -> values.correctedBy(event.after()))
                .ifPresent(values -> write(jdbc, event, values));
    }

    private void write(JdbcClient jdbc, EntryCorrectedEvent event, CorrectedFields values) {
        var statement = jdbc.sql("UPDATE " + table + " SET " + dateColumn + " = :date"
                        + (withAmount ? ", amount = :amount, currency = :currency, lower_bound = :lowerBound" : "")
                        + WHERE)
                .param("date", values.effectiveOn())
                .param("id", event.commitmentId())
                .param("sequence", event.correctedSequence());
        if (withAmount) {
            statement = statement
                    .param("amount", values.amount().amount())
                    .param("currency", values.amount().currency())
                    .param("lowerBound", values.amount().lowerBound());
        }
        statement.update();
    }

    private static final String WHERE = " WHERE commitment_id = :id AND sequence_number = :sequence";
}
