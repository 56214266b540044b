package org.cetdialogue.tracker.command.config;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;
import org.cetdialogue.tracker.command.commitment.CommitmentRuleViolationException;
import org.cetdialogue.tracker.command.commitment.RetryAnswers;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details are a {@link RuleViolation} from the
 * contract, so that a gateway in any JVM can map it to HTTP without knowing the write side's exception classes.
 */
class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            Object result = chain.proceed();
            // An event-sourced aggregate checks @TargetAggregateVersion only when the unit of work commits, after
            // this chain; detect a stale version here so that it, too, leaves with a VERSION_CONFLICT detail.
            // A retry answered from the event its first attempt applied changes nothing: no conflict to detect.
            if (RetryAnswers.searchFrom(unitOfWork).isEmpty()) {
                ConflictResolution.getConflictResolver().detectConflicts(unseen -> !unseen.isEmpty());
            }
            return result;
        } catch (CommitmentRuleViolationException e) {
            throw refusal(e.toViolation(), e);
        } catch (IllegalArgumentException e) {
            throw refusal(new RuleViolation(RuleCode.INVALID_ARGUMENT, e.getMessage()), e);
        } catch (AggregateNotFoundException e) {
            throw refusal(
                    new RuleViolation(
                            RuleCode.COMMITMENT_NOT_FOUND,
                            "no commitment " + e.getAggregateIdentifier() + " has been recorded"),
                    e);
        } catch (ConflictingAggregateVersionException e) {
            throw refusal(
                    new RuleViolation(
                            RuleCode.VERSION_CONFLICT,
                            "the commitment is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()),
                    e);
        }
    }

    private static CommandExecutionException refusal(RuleViolation violation, Exception cause) {
        return new CommandExecutionException(violation.message(), null, violation);
    }
}
