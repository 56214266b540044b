package org.cetdialogue.tracker.query.audit.replay;

import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.audit.AuditRefusal;
import org.cetdialogue.tracker.api.audit.AuditRefusalCode;
import org.cetdialogue.tracker.api.audit.FindReplayProgressQuery;
import org.cetdialogue.tracker.api.audit.ReplayProgress;
import org.cetdialogue.tracker.api.audit.StartReplayCommand;
import org.cetdialogue.tracker.query.audit.OutsideUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Starts replays and reports their progress by message. A refusal leaves as a {@link CommandExecutionException} whose
 * details are an {@link AuditRefusal} from the contract.
 */
@Component
public class ReplayHandler {

    private final Replays replays;

    public ReplayHandler(Replays replays) {
        this.replays = replays;
    }

    @CommandHandler
    public ReplayProgress handle(StartReplayCommand command) {
        try {
            // the processors' own threads must see the reset tokens at once, not when this handler commits
            return OutsideUnitOfWork.call(() -> replays.start(command.projection()));
        } catch (UnknownProjectionException e) {
            throw refusal(AuditRefusalCode.UNKNOWN_PROJECTION, e);
        } catch (ReplayAlreadyRunningException e) {
            throw refusal(AuditRefusalCode.REPLAY_RUNNING, e);
        } catch (ReplayBlockedException e) {
            throw refusal(AuditRefusalCode.REPLAY_BLOCKED, e);
        }
    }

    @QueryHandler
    public Optional<ReplayProgress> handle(FindReplayProgressQuery query) {
        return replays.progress(query.replayId());
    }

    private static CommandExecutionException refusal(AuditRefusalCode code, RuntimeException e) {
        return new CommandExecutionException(e.getMessage(), null, new AuditRefusal(code, e.getMessage()));
    }
}
