package org.cetdialogue.tracker.query.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.cetdialogue.tracker.api.query.ProcessorStatus;
import org.junit.jupiter.api.Test;

/** Processor status from Axon's segment status: position, lag, rebuild progress, whole-processor position. */
class ProcessorStatusesTest {

    @Test
    void aPositionIsReachedWhenTheTokenIsPastItAndItIsNotAGapTheTokenWaitsFor() {
        GapAwareTrackingToken withGap = GapAwareTrackingToken.newInstance(13, List.of(12L));

        assertThat(ProcessorStatuses.covers(withGap, 13)).isTrue();
        assertThat(ProcessorStatuses.covers(withGap, 11)).isTrue();
        assertThat(ProcessorStatuses.covers(withGap, 12))
                .as("committed after 13 was read")
                .isFalse();
        assertThat(ProcessorStatuses.covers(withGap, 14)).isFalse();
        assertThat(ProcessorStatuses.covers(new GlobalSequenceTrackingToken(7), 7))
                .isTrue();
        assertThat(ProcessorStatuses.covers(new GlobalSequenceTrackingToken(7), 8))
                .isFalse();
        assertThat(ProcessorStatuses.covers(null, 0)).isFalse();
    }

    @Test
    void aSegmentBeingRebuiltReachesAPositionWhenItsReplayHasPassedIt() {
        TrackingToken replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(100, List.of()), GapAwareTrackingToken.newInstance(40, List.of()));

        assertThat(ProcessorStatuses.covers(replay, 40)).isTrue();
        assertThat(ProcessorStatuses.covers(replay, 41)).isFalse();
    }

    @Test
    void aCaughtUpProcessorIsCurrentWithNoLag() {
        ProcessorStatus freshness = status(List.of(segment(120, false, null)), 120);

        assertThat(freshness).isEqualTo(new ProcessorStatus("p", 120L, 0L, false, null, null));
    }

    @Test
    void theSlowestSegmentGivesThePositionAndTheLag() {
        ProcessorStatus freshness = status(List.of(segment(118, false, null), segment(95, false, null)), 120);

        assertThat(freshness.position()).isEqualTo(95);
        assertThat(freshness.lag()).isEqualTo(25);
    }

    @Test
    void aReplayingProcessorIsRebuildingWithItsProgress() {
        ProcessorStatus freshness = status(List.of(segment(50, true, 200L)), 210);

        assertThat(freshness.rebuilding()).isTrue();
        assertThat(freshness.progress()).isEqualTo(25);
    }

    @Test
    void aReplayThatReachedItsResetPositionIsCurrentBeforeAnyNewEvent() {
        ProcessorStatus freshness = status(List.of(segment(200, true, 200L)), 200);

        assertThat(freshness).isEqualTo(new ProcessorStatus("p", 200L, 0L, false, null, null));
    }

    @Test
    void aProcessorWithoutClaimedSegmentsHasNoPositionYet() {
        ProcessorStatus freshness = status(List.of(), 120);

        assertThat(freshness.position()).isNull();
        assertThat(freshness.lag()).isNull();
        assertThat(freshness.rebuilding()).isFalse();
    }

    @Test
    void everySegmentIsHeldOnlyWhenTheHeldSegmentsCoverTheWholeRange() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Segment[] quarters = halves[1].split();
        assertThat(ProcessorStatuses.coversEverySegment(List.of(held(Segment.ROOT_SEGMENT))))
                .isTrue();
        assertThat(ProcessorStatuses.coversEverySegment(List.of(held(halves[0]), held(quarters[0]), held(quarters[1]))))
                .isTrue();
        assertThat(ProcessorStatuses.coversEverySegment(List.of(held(quarters[0]), held(quarters[1]))))
                .as("two of four segments")
                .isFalse();
        assertThat(ProcessorStatuses.coversEverySegment(List.of())).isFalse();
    }

    @Test
    void aPositionIsReusableOnlyWhenEverySegmentIsHeldAndNoneRebuilds() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        assertThat(ProcessorStatuses.settledPosition(List.of(held(halves[0], 120, false), held(halves[1], 95, false))))
                .hasValue(95);
        assertThat(ProcessorStatuses.settledPosition(List.of(held(halves[0], 120, false))))
                .as("half the segments")
                .isEmpty();
        assertThat(ProcessorStatuses.settledPosition(List.of(held(Segment.ROOT_SEGMENT, 50, true))))
                .as("rebuilding")
                .isEmpty();
        EventTrackerStatus rebuilt = held(Segment.ROOT_SEGMENT, 200, true);
        when(rebuilt.getResetPosition()).thenReturn(OptionalLong.of(200));
        assertThat(ProcessorStatuses.settledPosition(List.of(rebuilt)))
                .as("replayed up to its reset position")
                .hasValue(200);
    }

    private static ProcessorStatus status(List<EventTrackerStatus> segments, long head) {
        return ProcessorStatuses.status("p", segments, head, null);
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
