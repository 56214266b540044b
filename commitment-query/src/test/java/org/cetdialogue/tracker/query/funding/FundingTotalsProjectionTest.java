package org.cetdialogue.tracker.query.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.FundingCommittedEvent;
import org.cetdialogue.tracker.api.commitment.FundingDisbursedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.query.AreaFundingTotal;
import org.cetdialogue.tracker.api.query.FindFundingTotalsQuery;
import org.cetdialogue.tracker.api.query.FundingLineTotal;
import org.cetdialogue.tracker.api.query.FundingTotals;
import org.cetdialogue.tracker.api.query.StageAmount;
import org.cetdialogue.tracker.api.query.StageTotals;
import org.cetdialogue.tracker.query.AxonDelivery;
import org.cetdialogue.tracker.query.TestDatabase;
import org.cetdialogue.tracker.query.TestEvents;
import org.cetdialogue.tracker.query.audit.deadletter.ProjectionFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FundingTotalsProjectionTest {

    private static final String ID = "quantum-mou";
    private static final LocalDate VALUE_DATE = LocalDate.of(2025, 11, 14);

    private TestDatabase database;
    private FundingTotalsProjection projection;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated();
        projection = new FundingTotalsProjection(
                database.jdbcClient(), TestDatabase.noSubscribers(), new ProjectionFaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
    }

    /** Delivers {@code event} as Axon would, to the most specific of the projection's handlers. */
    private void apply(long sequence, CommitmentEvent event) {
        new AxonDelivery(projection).deliver(sequence, Instant.EPOCH, event);
    }

    /** The events of one commitment, numbered from 0. */
    private void given(CommitmentEvent... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            apply(sequence, events[sequence]);
        }
    }

    private FundingTotals totals() {
        return projection.handle(new FindFundingTotalsQuery(null));
    }

    private static StageAmount amount(String value) {
        return new StageAmount(new BigDecimal(value), false);
    }

    private static StageAmount atLeast(String value) {
        return new StageAmount(new BigDecimal(value), true);
    }

    private static FundingPledgedEvent pledged(String id, String funder, Money amount) {
        return new FundingPledgedEvent(id, funder, amount, VALUE_DATE);
    }

    private static FundingCommittedEvent committed(String id, String funder, Money amount) {
        return new FundingCommittedEvent(id, funder, amount, VALUE_DATE);
    }

    private static FundingDisbursedEvent disbursed(String id, String funder, Money amount) {
        return new FundingDisbursedEvent(id, funder, amount, VALUE_DATE);
    }

    private static EntryCorrectedEvent amountCorrected(long sequence, String funder, Money before, Money after) {
        return new EntryCorrectedEvent(
                ID,
                sequence,
                "FundingPledgedEvent",
                funder,
                new CorrectedFields(null, before, null, null),
                new CorrectedFields(null, after, null, null),
                "as announced");
    }

    @Test
    void pledgedCommittedAndDisbursedAreSeparateTotals() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "NSF", Money.of("10000000", "USD")),
                committed(ID, "NSF", Money.of("4000000", "USD")),
                disbursed(ID, "NSF", Money.of("1500000.25", "USD")));

        FundingTotals totals = totals();

        StageTotals expected = new StageTotals(amount("10000000.00"), amount("4000000.00"), amount("1500000.25"));
        assertThat(totals.byLine()).containsExactly(new FundingLineTotal(ID, Area.QUANTUM, "NSF", "USD", expected));
        assertThat(totals.byArea()).containsExactly(new AreaFundingTotal(Area.QUANTUM, "USD", expected));
    }

    @Test
    void amountsOfOneStageAreSummed() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "NSF", Money.of("10000000", "USD")),
                pledged(ID, "NSF", Money.of("2500000.50", "USD")),
                disbursed(ID, "NSF", Money.of("1000000", "USD")),
                disbursed(ID, "NSF", Money.of("500000", "USD")));

        StageTotals totals = totals().byLine().get(0).totals();

        assertThat(totals.pledged()).isEqualTo(amount("12500000.50"));
        assertThat(totals.committed()).isEqualTo(amount("0.00"));
        assertThat(totals.disbursed()).isEqualTo(amount("1500000.00"));
    }

    @Test
    void currenciesAreSeparateLines() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "NSF", Money.of("10000000", "USD")),
                pledged(ID, "MSIT", Money.of("13000000000", "KRW")),
                committed(ID, "MSIT", Money.of("500000", "USD")));

        FundingTotals totals = totals();

        assertThat(totals.byLine())
                .containsExactly(
                        new FundingLineTotal(
                                ID,
                                Area.QUANTUM,
                                "MSIT",
                                "KRW",
                                new StageTotals(amount("13000000000"), amount("0"), amount("0"))),
                        new FundingLineTotal(
                                ID,
                                Area.QUANTUM,
                                "MSIT",
                                "USD",
                                new StageTotals(amount("0.00"), amount("500000.00"), amount("0.00"))),
                        new FundingLineTotal(
                                ID,
                                Area.QUANTUM,
                                "NSF",
                                "USD",
                                new StageTotals(amount("10000000.00"), amount("0.00"), amount("0.00"))));
        assertThat(totals.byArea())
                .containsExactlyInAnyOrder(
                        new AreaFundingTotal(
                                Area.QUANTUM, "KRW", new StageTotals(amount("13000000000"), amount("0"), amount("0"))),
                        new AreaFundingTotal(
                                Area.QUANTUM,
                                "USD",
                                new StageTotals(amount("10000000.00"), amount("500000.00"), amount("0.00"))));
    }

    @Test
    void areaTotalSumsItsCommitmentsPerCurrency() {
        given(TestEvents.mou("a", Area.BIOTECHNOLOGY), pledged("a", "NIH", Money.of("1000000", "USD")));
        given(TestEvents.mou("b", Area.BIOTECHNOLOGY), pledged("b", "KHIDI", Money.of("2000000", "USD")));

        assertThat(totals().byArea())
                .containsExactly(new AreaFundingTotal(
                        Area.BIOTECHNOLOGY,
                        "USD",
                        new StageTotals(amount("3000000.00"), amount("0.00"), amount("0.00"))));
        assertThat(totals().byLine()).hasSize(2);
    }

    @Test
    void lowerBoundPledgeMarksItsTotalAsLowerBound() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "NSF", Money.atLeast("10000000", "USD")),
                pledged(ID, "NSF", Money.of("2000000", "USD")),
                committed(ID, "NSF", Money.of("4000000", "USD")));

        FundingTotals totals = totals();

        StageTotals expected = new StageTotals(atLeast("12000000.00"), amount("4000000.00"), amount("0.00"));
        assertThat(totals.byLine().get(0).totals()).isEqualTo(expected);
        assertThat(totals.byArea().get(0).totals()).isEqualTo(expected);
    }

    @Test
    void lowerBoundOfOneCommitmentCarriesIntoTheAreaTotal() {
        given(TestEvents.mou("a", Area.BIOTECHNOLOGY), pledged("a", "NIH", Money.atLeast("1000000", "USD")));
        given(TestEvents.mou("b", Area.BIOTECHNOLOGY), pledged("b", "KHIDI", Money.of("2000000", "USD")));

        FundingTotals totals = totals();

        assertThat(totals.byArea().get(0).totals().pledged()).isEqualTo(atLeast("3000000.00"));
        assertThat(totals.byLine())
                .extracting(line -> line.totals().pledged())
                .containsExactly(atLeast("1000000.00"), amount("2000000.00"));
    }

    @Test
    void stageWithoutFundingShowsZeroInTheCurrencysMinorUnits() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "MSIT", Money.of("13000000000", "KRW")),
                pledged(ID, "NSF", Money.of("10000000", "USD")));

        FundingTotals totals = totals();

        StageTotals krw = totals.byLine().get(0).totals();
        StageTotals usd = totals.byLine().get(1).totals();
        assertThat(krw.committed()).isEqualTo(amount("0"));
        assertThat(krw.committed().amount().scale()).isZero();
        assertThat(krw.disbursed().amount().scale()).isZero();
        assertThat(krw.pledged().amount().scale()).isZero();
        assertThat(usd.committed()).isEqualTo(amount("0.00"));
        assertThat(usd.committed().amount().scale()).isEqualTo(2);
        assertThat(usd.disbursed().amount().scale()).isEqualTo(2);
        assertThat(usd.pledged().amount().scale()).isEqualTo(2);
    }

    @Test
    void correctedAmountReplacesTheCorrectedEntry() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "NSF", Money.of("10000000", "USD")),
                pledged(ID, "NSF", Money.of("5000000", "USD")),
                amountCorrected(1, "NSF", Money.of("10000000", "USD"), Money.of("12000000", "USD")));

        assertThat(totals().byLine().get(0).totals().pledged()).isEqualTo(amount("17000000.00"));
        assertThat(totals().byArea().get(0).totals().pledged()).isEqualTo(amount("17000000.00"));
    }

    @Test
    void correctionToAMinimumFlagsTheTotalAndBackClearsIt() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "NSF", Money.of("10000000", "USD")),
                amountCorrected(1, "NSF", Money.of("10000000", "USD"), Money.atLeast("10000000", "USD")));

        assertThat(totals().byLine().get(0).totals().pledged()).isEqualTo(atLeast("10000000.00"));

        apply(3, amountCorrected(1, "NSF", Money.atLeast("10000000", "USD"), Money.of("11000000", "USD")));

        assertThat(totals().byLine().get(0).totals().pledged()).isEqualTo(amount("11000000.00"));
    }

    @Test
    void correctedValueDateLeavesTheTotalsAlone() {
        given(
                TestEvents.mou(ID, Area.QUANTUM),
                pledged(ID, "NSF", Money.of("10000000", "USD")),
                new EntryCorrectedEvent(
                        ID,
                        1,
                        "FundingPledgedEvent",
                        "NSF",
                        new CorrectedFields(VALUE_DATE, null, null, null),
                        new CorrectedFields(VALUE_DATE.plusDays(3), null, null, null),
                        "value date"));

        assertThat(totals().byLine().get(0).totals().pledged()).isEqualTo(amount("10000000.00"));
        LocalDate stored = database.jdbcClient()
                .sql("SELECT value_date FROM funding_entry WHERE sequence_number = 1")
                .query(LocalDate.class)
                .single();
        assertThat(stored).isEqualTo(VALUE_DATE.plusDays(3));
    }

    @Test
    void totalsCanBeFilteredByArea() {
        given(TestEvents.mou("quantum", Area.QUANTUM), pledged("quantum", "NSF", Money.of("1000000", "USD")));
        given(TestEvents.mou("chips", Area.SEMICONDUCTORS), pledged("chips", "MOTIE", Money.of("2000000", "USD")));

        FundingTotals quantum = projection.handle(new FindFundingTotalsQuery(Area.QUANTUM));
        FundingTotals all = totals();

        assertThat(quantum.byLine()).extracting(FundingLineTotal::commitmentId).containsExactly("quantum");
        assertThat(quantum.byArea()).extracting(AreaFundingTotal::area).containsExactly(Area.QUANTUM);
        assertThat(all.byLine())
                .extracting(FundingLineTotal::commitmentId)
                .containsExactlyInAnyOrder("quantum", "chips");
        assertThat(all.byArea())
                .extracting(AreaFundingTotal::area)
                .containsExactlyInAnyOrder(Area.QUANTUM, Area.SEMICONDUCTORS);
        assertThat(projection.handle(new FindFundingTotalsQuery(Area.DIGITAL_ICT)))
                .isEqualTo(new FundingTotals(List.of(), List.of()));
    }

    @Test
    void commitmentWithoutFundingHasNoTotals() {
        given(TestEvents.mou(ID, Area.QUANTUM), new MouSignedEvent(ID, VALUE_DATE));

        assertThat(totals().byLine()).isEmpty();
        assertThat(totals().byArea()).isEmpty();
    }

    @Test
    void redeliveredFundingIsNotCountedTwice() {
        FundingPledgedEvent pledge = pledged(ID, "NSF", Money.of("10000000", "USD"));
        given(TestEvents.mou(ID, Area.QUANTUM), pledge, committed(ID, "NSF", Money.of("1000000", "USD")));

        apply(1, pledge);
        apply(0, TestEvents.mou(ID, Area.QUANTUM));

        assertThat(totals().byLine().get(0).totals().pledged()).isEqualTo(amount("10000000.00"));
        assertThat(database.count("funding_entry")).isEqualTo(2);
    }

    @Test
    void fundingOfUnknownCommitmentIsIgnored() {
        projection.on(pledged("unknown", "NSF", Money.of("10000000", "USD")), 1);

        assertThat(totals().byLine()).isEmpty();
        assertThat(database.count("funding_entry")).isZero();
    }

    @Test
    void resetEmptiesIt() {
        given(TestEvents.mou(ID, Area.QUANTUM), pledged(ID, "NSF", Money.of("10000000", "USD")));

        projection.reset();

        assertThat(totals().byLine()).isEmpty();
        assertThat(database.count("funding_entry")).isZero();
        assertThat(database.count("funding_commitment")).isZero();
    }

    @Test
    void axonRoutesProposalsToTheirOwnHandlersAndTheRestToTheGeneralOne() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);

        adapter.handle(new GenericDomainEventMessage<>(
                "Commitment", ID, 0, TestEvents.mou(ID, Area.QUANTUM), Map.of(), "e-0", TestEvents.recordedAt(0)));
        adapter.handle(new GenericDomainEventMessage<>(
                "Commitment",
                ID,
                1,
                pledged(ID, "NSF", Money.of("10000000", "USD")),
                Map.of(),
                "e-1",
                TestEvents.recordedAt(1)));

        assertThat(totals().byLine().get(0).totals().pledged()).isEqualTo(amount("10000000.00"));
    }
}
