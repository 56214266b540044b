package org.cetdialogue.tracker.query.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.query.FindAreaStatusQuery;
import org.cetdialogue.tracker.api.query.FindAreasQuery;
import org.cetdialogue.tracker.api.query.FindCommitmentQuery;
import org.junit.jupiter.api.Test;

class RecordMatchTest {

    record CommitmentUpdate(String commitmentId, long version) {}

    record AreaUpdate(Area area, int count) {}

    @Test
    void queryWithAnIdMatchesOnlyTheUpdateOfThatId() {
        assertThat(RecordMatch.matches(new FindCommitmentQuery("a"), new CommitmentUpdate("a", 3)))
                .isTrue();
        assertThat(RecordMatch.matches(new FindCommitmentQuery("b"), new CommitmentUpdate("a", 3)))
                .isFalse();
    }

    @Test
    void queryComponentTheUpdateLacksIsNoMatch() {
        assertThat(RecordMatch.matches(new FindCommitmentQuery("a"), new AreaUpdate(Area.QUANTUM, 1)))
                .isFalse();
    }

    @Test
    void queryWithoutComponentsOrWithNullOnesMatchesEveryUpdate() {
        assertThat(RecordMatch.matches(new FindAreasQuery(), new AreaUpdate(Area.QUANTUM, 1)))
                .isTrue();
        assertThat(RecordMatch.matches(new FindCommitmentQuery(null), new AreaUpdate(Area.QUANTUM, 1)))
                .isTrue();
    }

    @Test
    void enumComponentsCompareByValue() {
        assertThat(RecordMatch.matches(new FindAreaStatusQuery(Area.QUANTUM), new AreaUpdate(Area.QUANTUM, 1)))
                .isTrue();
        assertThat(RecordMatch.matches(new FindAreaStatusQuery(Area.BIOTECHNOLOGY), new AreaUpdate(Area.QUANTUM, 1)))
                .isFalse();
    }
}
