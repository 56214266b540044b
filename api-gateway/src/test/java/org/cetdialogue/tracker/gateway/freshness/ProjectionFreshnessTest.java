package org.cetdialogue.tracker.gateway.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

/** Position, lag and rebuild progress as read from the processor's segments and the head of the store. */
class ProjectionFreshnessTest {

    @Test
    void aCaughtUpProcessorIsCurrentWithNoLag() {
        Freshness freshness = ProjectionFreshness.freshness(List.of(segment(120, false, null)), 120);

        assertThat(freshness).isEqualTo(new Freshness(120L, 0L, false, null));
        assertThat(freshness.describe()).isEqualTo("current");
    }

    @Test
    void theSlowestSegmentGivesThePositionAndTheLag() {
        Freshness freshness =
                ProjectionFreshness.freshness(List.of(segment(118, false, null), segment(95, false, null)), 120);

        assertThat(freshness.position()).isEqualTo(95);
        assertThat(freshness.lag()).isEqualTo(25);
    }

    @Test
    void aReplayingProcessorIsRebuildingWithItsProgress() {
        Freshness freshness = ProjectionFreshness.freshness(List.of(segment(50, true, 200L)), 210);

        assertThat(freshness.rebuilding()).isTrue();
        assertThat(freshness.progress()).isEqualTo(25);
        assertThat(freshness.describe()).isEqualTo("rebuilding, 25%");
    }

    @Test
    void aReplayThatReachedItsResetPositionIsCurrentBeforeAnyNewEvent() {
        Freshness freshness = ProjectionFreshness.freshness(List.of(segment(200, true, 200L)), 200);

        assertThat(freshness).isEqualTo(new Freshness(200L, 0L, false, null));
        assertThat(freshness.describe()).isEqualTo("current");
    }

    @Test
    void aProcessorWithoutClaimedSegmentsHasNoPositionYet() {
        Freshness freshness = ProjectionFreshness.freshness(List.of(), 120);

        assertThat(freshness.position()).isNull();
        assertThat(freshness.lag()).isNull();
        assertThat(freshness.rebuilding()).isFalse();
    }

    @Test
    void anUpdateSentRightAfterItsEventReflectsAtLeastThatEvent() {
        Freshness recorded = new Freshness(100L, 3L, false, null);

        assertThat(recorded.atLeast(102)).isEqualTo(new Freshness(102L, 1L, false, null));
        assertThat(recorded.atLeast(90)).isSameAs(recorded);
        Freshness rebuilding = new Freshness(40L, 60L, true, 40);
        assertThat(rebuilding.atLeast(102)).isSameAs(rebuilding);
    }

    @Test
    void everySegmentIsHeldOnlyWhenTheHeldSegmentsCoverTheWholeRange() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Segment[] quarters = halves[1].split();
        assertThat(ProjectionFreshness.coversEverySegment(List.of(held(Segment.ROOT_SEGMENT))))
                .isTrue();
        assertThat(ProjectionFreshness.coversEverySegment(
                        List.of(held(halves[0]), held(quarters[0]), held(quarters[1]))))
                .isTrue();
        assertThat(ProjectionFreshness.coversEverySegment(List.of(held(quarters[0]), held(quarters[1]))))
                .as("two of four segments")
                .isFalse();
        assertThat(ProjectionFreshness.coversEverySegment(List.of())).isFalse();
    }

    @Test
    void aPositionIsReusableOnlyWhenEverySegmentIsHeldAndNoneRebuilds() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        assertThat(ProjectionFreshness.reusablePosition(
                        List.of(held(halves[0], 120, false), held(halves[1], 95, false))))
                .hasValue(95);
        assertThat(ProjectionFreshness.reusablePosition(List.of(held(halves[0], 120, false))))
                .as("half the segments")
                .isEmpty();
        assertThat(ProjectionFreshness.reusablePosition(List.of(held(Segment.ROOT_SEGMENT, 50, true))))
                .as("rebuilding")
                .isEmpty();
        EventTrackerStatus rebuilt = held(Segment.ROOT_SEGMENT, 200, true);
        when(rebuilt.getResetPosition()).thenReturn(OptionalLong.of(200));
        assertThat(ProjectionFreshness.reusablePosition(List.of(rebuilt)))
                .as("replayed up to its reset position")
                .hasValue(200);
    }

    private static EventTrackerStatus held(Segment segment, long position, boolean replaying) {
        EventTrackerStatus status = held(segment);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isReplaying()).thenReturn(replaying);
        when(status.getResetPosition()).thenReturn(OptionalLong.empty());
        return status;
    }

    private static EventTrackerStatus held(Segment segment) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(segment);
        return status;
    }

    private static EventTrackerStatus segment(long position, boolean replaying, Long resetPosition) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isReplaying()).thenReturn(replaying);
        when(status.getResetPosition())
                .thenReturn(resetPosition == null ? OptionalLong.empty() : OptionalLong.of(resetPosition));
        return status;
    }
}
