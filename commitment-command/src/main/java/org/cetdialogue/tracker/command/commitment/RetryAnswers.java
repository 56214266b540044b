package org.cetdialogue.tracker.command.commitment;

import java.util.OptionalLong;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Marks the unit of work of a command that {@link Commitment} answered as a retry of a request it had already applied
 * (nothing applied now): the interceptors around the command then neither look for a version conflict nor search for
 * the position of a new event, but from where the earlier event is to be found.
 */
public final class RetryAnswers {

    private static final String RESOURCE = RetryAnswers.class.getName() + ".searchFrom";

    private RetryAnswers() {}

    /** Marks the current command as answered from an earlier event that lies after {@code searchFrom} (-1: anywhere). */
    static void answered(long searchFrom) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.resources().put(RESOURCE, searchFrom));
    }

    /** Where the earlier event lies after, if the command of {@code unitOfWork} was answered as a retry. */
    public static OptionalLong searchFrom(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().get(RESOURCE) instanceof Long searchFrom
                ? OptionalLong.of(searchFrom)
                : OptionalLong.empty();
    }
}
