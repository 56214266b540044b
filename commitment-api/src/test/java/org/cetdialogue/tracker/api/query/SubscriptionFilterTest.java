package org.cetdialogue.tracker.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cetdialogue.tracker.api.commitment.Area;
import org.junit.jupiter.api.Test;

/** Which subscription updates each subscribable query wants: the rule the projections and the relay both apply. */
class SubscriptionFilterTest {

    private static final FundingTotals TOTALS = new FundingTotals(List.of(), List.of());

    @Test
    void activityStreamWantsEveryEntryAfterItsPositionAndNoneBefore() {
        assertThat(new FindActivityQuery(null, 50).wants(entry(1))).isTrue();
        assertThat(new FindActivityQuery(10L, 50).wants(entry(11))).isTrue();
        assertThat(new FindActivityQuery(10L, 50).wants(entry(10))).isFalse();
        assertThat(new FindActivityQuery(10L, 1).wants(entry(500)))
                .as("the limit is for the initial result")
                .isTrue();
    }

    @Test
    void commitmentStreamWantsTheViewsOfItsCommitmentOnly() {
        assertThat(new FindCommitmentQuery("a").wants(view("a"))).isTrue();
        assertThat(new FindCommitmentQuery("b").wants(view("a"))).isFalse();
    }

    @Test
    void fundingStreamWantsTheTotalsOfItsAreaOrOfAllAreas() {
        FundingTotalsUpdate allAreas = new FundingTotalsUpdate(3, null, TOTALS);
        FundingTotalsUpdate quantum = new FundingTotalsUpdate(3, Area.QUANTUM, TOTALS);
        assertThat(new FindFundingTotalsQuery(null).wants(allAreas)).isTrue();
        assertThat(new FindFundingTotalsQuery(null).wants(quantum))
                .as("one area's totals are not all areas' totals")
                .isFalse();
        assertThat(new FindFundingTotalsQuery(Area.QUANTUM).wants(quantum)).isTrue();
        assertThat(new FindFundingTotalsQuery(Area.BIOTECHNOLOGY).wants(quantum))
                .isFalse();
    }

    @Test
    void wantedIsFalseForAnUpdateOfAnotherTypeOrAQueryThatSaysNothing() {
        assertThat(SubscriptionFilter.wanted(new FindActivityQuery(null, 50), entry(1)))
                .isTrue();
        assertThat(SubscriptionFilter.wanted(new FindActivityQuery(null, 50), view("a")))
                .isFalse();
        assertThat(SubscriptionFilter.wanted(new FindCommitmentsQuery(null), view("a")))
                .isFalse();
    }

    private static ActivityEntry entry(long position) {
        return new ActivityEntry(
                position, "a", 0, "MilestoneRecordedEvent", "", null, null, null, null, null, Map.of());
    }

    private static CommitmentViewUpdate view(String commitmentId) {
        return new CommitmentViewUpdate(
                1,
                new CommitmentView(
                        commitmentId,
                        Area.QUANTUM,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        1,
                        null));
    }
}
