package org.cetdialogue.tracker.query.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.cetdialogue.tracker.api.audit.AuditRefusal;
import org.cetdialogue.tracker.api.audit.AuditRefusalCode;
import org.cetdialogue.tracker.api.audit.FindReplayProgressQuery;
import org.cetdialogue.tracker.api.audit.ReplayProgress;
import org.cetdialogue.tracker.api.audit.StartReplayCommand;
import org.junit.jupiter.api.Test;

class ReplayHandlerTest {

    private final Replays replays = mock(Replays.class);
    private final ReplayHandler handler = new ReplayHandler(replays);

    @Test
    void startsAReplayAndAnswersItsProgress() {
        ReplayProgress progress = new ReplayProgress(
                "r1", "all", List.of("history"), "RUNNING", 0, 10, 0.0, 0.0, null, Instant.EPOCH, null);
        when(replays.start("all")).thenReturn(progress);
        when(replays.progress("r1")).thenReturn(Optional.of(progress));

        assertThat(handler.handle(new StartReplayCommand("all"))).isEqualTo(progress);
        assertThat(handler.handle(new FindReplayProgressQuery("r1"))).contains(progress);
        assertThat(handler.handle(new FindReplayProgressQuery("r2"))).isEmpty();
    }

    @Test
    void anUnknownProjectionLeavesAsARefusalOfTheContract() {
        when(replays.start("nope")).thenThrow(new UnknownProjectionException("projection must be one of ..."));

        assertThat(refusal(new StartReplayCommand("nope")))
                .isEqualTo(new AuditRefusal(AuditRefusalCode.UNKNOWN_PROJECTION, "projection must be one of ..."));
    }

    @Test
    void aReplayWhileAnotherRunsLeavesAsARefusalOfTheContract() {
        when(replays.start("history")).thenThrow(new ReplayAlreadyRunningException("r1"));

        assertThat(refusal(new StartReplayCommand("history")))
                .isEqualTo(new AuditRefusal(AuditRefusalCode.REPLAY_RUNNING, "replay r1 is still running"));
    }

    @Test
    void aReplayBlockedByAnotherInstanceLeavesAsARefusalOfTheContract() {
        when(replays.start("history")).thenThrow(new ReplayBlockedException("the segments of history are held"));

        assertThat(refusal(new StartReplayCommand("history")))
                .isEqualTo(new AuditRefusal(AuditRefusalCode.REPLAY_BLOCKED, "the segments of history are held"));
    }

    private AuditRefusal refusal(StartReplayCommand command) {
        CommandExecutionException refused =
                catchThrowableOfType(CommandExecutionException.class, () -> handler.handle(command));
        assertThat(refused.getCause()).isNull();
        return refused.getDetails().map(AuditRefusal.class::cast).orElseThrow();
    }
}
