package org.cetdialogue.tracker.command.commitment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.api.query.FindEventPositionQuery;
import org.cetdialogue.tracker.api.rule.RuleCode;

/**
 * The idempotent requests a commitment applied most recently (part of {@link Commitment}, and of its snapshots): for
 * each of the last {@value #LIMIT} events whose metadata carries an {@link IdempotentRequest}, the key, the request's
 * fingerprint, the event's sequence number and where the search for its position may start (the head of the store
 * before its command, {@link FindEventPositionQuery#SEARCH_FROM}). Older keys are forgotten, oldest first, so the state
 * stays bounded however long the history grows. Events without the metadata (all those stored before it existed) are
 * simply not remembered.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class AppliedRequests {

    /** How many keyed events a commitment remembers: a retry is recognised until this many keyed writes followed it. */
    static final int LIMIT = 1_000;

    /** One applied request: its fingerprint, the sequence of its event, and a position before that event (-1: none). */
    record Applied(String fingerprint, long sequence, long searchFrom) {}

    private LinkedHashMap<String, Applied> applied = new LinkedHashMap<>();

    /**
     * The earlier event of {@code request}, if this commitment applied it; a key applied for a different request is
     * refused rather than answered with the other request's result.
     */
    Optional<Applied> earlier(IdempotentRequest request) {
        if (request == null) {
            return Optional.empty();
        }
        Applied earlier = applied.get(request.key());
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.fingerprint().equals(request.fingerprint())) {
            throw new CommitmentRuleViolationException(
                    RuleCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request (event " + earlier.sequence()
                            + "); use a new key for a new request");
        }
        return Optional.of(earlier);
    }

    @EventSourcingHandler
    void on(Object event, MetaData metaData, @SequenceNumber long sequence) {
        IdempotentRequest request = IdempotentRequest.from(metaData);
        if (request == null) {
            return;
        }
        if (applied.containsKey(request.key())) {
            return; // the first event of a key is the answer to its retries
        }
        Object searchFrom = metaData.get(FindEventPositionQuery.SEARCH_FROM);
        applied.put(
                request.key(),
                new Applied(
                        request.fingerprint(),
                        sequence,
                        searchFrom instanceof Number position ? position.longValue() : -1L));
        if (applied.size() > LIMIT) {
            Iterator<Map.Entry<String, Applied>> oldest = applied.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    int size() {
        return applied.size();
    }
}
