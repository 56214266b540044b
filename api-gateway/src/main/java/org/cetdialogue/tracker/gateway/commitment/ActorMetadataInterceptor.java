package org.cetdialogue.tracker.gateway.commitment;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.gateway.security.CurrentActor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Attaches who sends a command to its metadata, on the gateway's command gateway: the authenticated caller's name, side
 * and roles, with the correlation id and reason the write put there (a new correlation id if it gave none). The author
 * is never taken from a request: whatever the message says, the caller's name replaces it.
 *
 * <p>With nobody signed in on the sending thread, a message that already names its author is sent as it is: that is
 * an in-process writer such as the fact-sheet seed, which records as its own user. Any other message without a caller
 * is refused.
 */
@Component
public class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final Set<String> AUDIT_KEYS = Set.copyOf(AuditMetadata.KEYS);

    private final CurrentActor actor;

    public ActorMetadataInterceptor(CurrentActor actor) {
        this.actor = actor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> attributed(message);
    }

    private CommandMessage<?> attributed(CommandMessage<?> message) {
        MetaData given = message.getMetaData();
        if (SecurityContextHolder.getContext().getAuthentication() == null
                && given.containsKey(AuditMetadata.USERNAME)) {
            return message;
        }
        AuditMetadata audit = actor.get()
                .metadata(
                        AuditMetadata.text(given, AuditMetadata.CORRELATION_ID),
                        AuditMetadata.text(given, AuditMetadata.REASON));
        return message.withMetaData(given.withoutKeys(AUDIT_KEYS).mergedWith(audit.toMetaData()));
    }
}
