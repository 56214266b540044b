package org.cetdialogue.tracker.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.query.FindFundingTotalsQuery;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** A whole-projection answer is reused only while its projection has applied nothing new. */
class ProjectionReadCacheTest {

    private final ProjectionFreshness freshness = mock(ProjectionFreshness.class);
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final AtomicInteger computed = new AtomicInteger();
    private final ProjectionReadCache cache = new ProjectionReadCache(freshness, clock(), Duration.ofMinutes(1));

    @Test
    void theSameAnswerIsServedUntilTheProjectionMoves() {
        at(new Freshness(40L, 0L, false, null));
        assertThat(read(null)).isEqualTo("answer 1");
        assertThat(read(null)).isEqualTo("answer 1");
        assertThat(read(Area.QUANTUM))
                .as("another query has an answer of its own")
                .isEqualTo("answer 2");

        at(new Freshness(41L, 0L, false, null));
        assertThat(read(null)).isEqualTo("answer 3");
    }

    @Test
    void anAnswerIsRecomputedAfterItsMaximumAge() {
        at(new Freshness(40L, 0L, false, null));
        read(null);
        now = now.plus(Duration.ofSeconds(59));
        assertThat(read(null)).isEqualTo("answer 1");
        now = now.plus(Duration.ofSeconds(2));
        assertThat(read(null)).isEqualTo("answer 2");
    }

    @Test
    void anAnswerIsRecomputedOnANewDayWhenOverdueMayHaveChanged() {
        ProjectionReadCache longLived = new ProjectionReadCache(freshness, clock(), Duration.ofDays(2));
        at(new Freshness(40L, 0L, false, null));
        now = Instant.parse("2026-03-01T23:59:00Z");
        longLived.get("funding-totals", new FindFundingTotalsQuery(null), () -> "answer " + computed.incrementAndGet());
        now = Instant.parse("2026-03-02T00:01:00Z");

        assertThat(longLived.get(
                        "funding-totals",
                        new FindFundingTotalsQuery(null),
                        () -> "answer " + computed.incrementAndGet()))
                .isEqualTo("answer 2");
    }

    @Test
    void aForgottenProjectionIsComputedAgainAtTheSamePosition() {
        at(new Freshness(40L, 0L, false, null));
        read(null);
        cache.forget("area-status");
        assertThat(read(null)).as("another projection forgotten").isEqualTo("answer 1");

        cache.forget("funding-totals");

        assertThat(read(null)).isEqualTo("answer 2");
    }

    @Test
    void nothingIsKeptWhileRebuildingOrWithoutAProcessorHere() {
        at(new Freshness(10L, 30L, true, 25));
        read(null);
        read(null);
        at(new Freshness(null, null, false, null));
        read(null);

        assertThat(computed).hasValue(3);
    }

    @Test
    void nothingIsKeptWhereAnotherInstanceHoldsSomeSegments() {
        at(new Freshness(40L, 0L, false, null));
        when(freshness.reusablePosition("funding-totals")).thenReturn(OptionalLong.empty());
        read(null);
        read(null);

        assertThat(computed).hasValue(2);
    }

    private String read(Area area) {
        return cache.get(
                "funding-totals", new FindFundingTotalsQuery(area), () -> "answer " + computed.incrementAndGet());
    }

    /** The processor at {@code state}, holding every segment. */
    private void at(Freshness state) {
        when(freshness.reusablePosition("funding-totals"))
                .thenReturn(
                        state.position() == null || state.rebuilding()
                                ? OptionalLong.empty()
                                : OptionalLong.of(state.position()));
    }

    @SuppressWarnings("unchecked")
    private ObjectProvider<Clock> clock() {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        ObjectProvider<Clock> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable(org.mockito.ArgumentMatchers.any())).thenReturn(clock);
        return provider;
    }
}
