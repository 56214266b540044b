package org.cetdialogue.tracker.query.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.cetdialogue.tracker.api.audit.ReplayProgress;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A replay asked of an instance whose processor's segments another instance holds: the others are asked to pause,
 * the reset waits for the claims to be released, and whatever happens the processor runs again and the others are
 * told to resume. Never a processor left stopped.
 */
class ReplaysTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor history = mock(StreamingEventProcessor.class);
    private final StoredEvents events = mock(StoredEvents.class);
    private final ReplayPeers peers = mock(ReplayPeers.class);
    private final TokenStore tokens = mock(TokenStore.class);

    @SuppressWarnings("unchecked")
    private final ObjectProvider<ReplayPeers> peersProvider = mock(ObjectProvider.class);

    private final Replays replays =
            new Replays(processing, events, Clock.systemUTC(), peersProvider, Duration.ofMillis(600));

    @BeforeEach
    void oneProcessorOfOneSegment() {
        when(processing.eventProcessor("history", StreamingEventProcessor.class))
                .thenReturn(Optional.of(history));
        when(history.getName()).thenReturn("history");
        when(history.supportsReset()).thenReturn(true);
        when(history.processingStatus()).thenReturn(Map.of(0, mock(EventTrackerStatus.class)));
        when(processing.tokenStore("history")).thenReturn(tokens);
        when(tokens.fetchSegments("history")).thenReturn(new int[] {0});
        when(events.headPosition()).thenReturn(42L);
        when(peersProvider.getIfAvailable()).thenReturn(peers);
    }

    @Test
    void waitsForTheOtherInstanceToReleaseTheSegmentsThenReplays() {
        doThrow(new UnableToClaimTokenException("held by b"))
                .doThrow(new UnableToClaimTokenException("held by b"))
                .doNothing()
                .when(history)
                .resetTokens();

        ReplayProgress progress = replays.start("history");

        assertThat(progress.processors()).containsExactly("history");
        assertThat(progress.total()).isEqualTo(42L);
        InOrder order = inOrder(history, peers);
        order.verify(history).shutDown();
        order.verify(peers).pause(List.of("history"));
        order.verify(history, times(3)).resetTokens();
        order.verify(history).start();
        order.verify(peers).resume(List.of("history"));
    }

    @Test
    void segmentsThatStayHeldRefuseTheReplayAndLeaveTheProcessorRunning() {
        doThrow(new UnableToClaimTokenException("held by b")).when(history).resetTokens();

        Throwable refused = catchThrowable(() -> replays.start("history"));

        assertThat(refused)
                .isInstanceOf(ReplayBlockedException.class)
                .hasMessageContaining("history")
                .hasMessageContaining("try again");
        verify(history).start();
        verify(peers).resume(List.of("history"));
        // nothing was recorded as running: the next replay may start
        doNothing().when(history).resetTokens();
        assertThat(replays.start("history").state()).isIn("RUNNING", "DONE");
    }

    @Test
    void aSingleInstanceResetsAtOnceWithoutPeers() {
        when(peersProvider.getIfAvailable()).thenReturn(null);

        replays.start("history");

        verify(history).resetTokens();
        verify(history).start();
        verify(peers, never()).pause(List.of("history"));
    }
}
