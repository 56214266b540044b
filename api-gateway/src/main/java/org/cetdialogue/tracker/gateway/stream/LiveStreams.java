package org.cetdialogue.tracker.gateway.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;
import org.cetdialogue.tracker.gateway.security.SignInLifetime;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The one SSE idiom of the gateway, over an Axon subscription query: subscribe, then send the initial result, then the
 * updates; a heartbeat comment when idle, so a client that went away is noticed at the next write; the subscription
 * closed and the user's stream slot given back when the client goes, or when the caller's sign-in ends. Every event carries the projection's freshness;
 * while the projection is being rebuilt, clients get "rebuilding" with its progress instead of data, and once it is
 * done the current state afresh.
 */
@Component
public class LiveStreams {

    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final QueryGateway queries;
    private final ProjectionFreshness freshness;
    private final StreamLimiter limiter;
    private final StreamProperties properties;
    private final SignInLifetime signIns;

    public LiveStreams(
            QueryGateway queries,
            ProjectionFreshness freshness,
            StreamLimiter limiter,
            StreamProperties properties,
            SignInLifetime signIns) {
        this.queries = queries;
        this.freshness = freshness;
        this.limiter = limiter;
        this.properties = properties;
        this.signIns = signIns;
    }

    /** What a stream sends, given the projection's freshness at the time of sending. */
    public interface Events<T> {
        List<ServerSentEvent<Object>> of(T value, Freshness freshness);
    }

    /**
     * Opens a stream for {@code user}, holding one of the user's stream slots until it ends; {@code parts} (each made
     * with {@link #subscribe}) are merged into it, so that a page follows several views on one connection. A part
     * that cannot be opened (an unknown commitment) closes those opened before it, and is answered as a problem.
     */
    @SafeVarargs
    public final Flux<ServerSentEvent<Object>> open(String user, Supplier<Flux<ServerSentEvent<Object>>>... parts) {
        limiter.acquire(user);
        List<Flux<ServerSentEvent<Object>>> opened = new ArrayList<>();
        try {
            for (Supplier<Flux<ServerSentEvent<Object>>> part : parts) {
                opened.add(part.get());
            }
        } catch (RuntimeException e) {
            // subscribing and cancelling at once runs each opened part's cleanup: its subscription query is closed
            opened.forEach(part -> part.subscribe().dispose());
            limiter.release(user);
            throw e;
        }
        Flux<ServerSentEvent<Object>> stream = opened.size() == 1 ? opened.get(0) : Flux.merge(opened);
        return stream.doFinally(signal -> limiter.release(user));
    }

    /**
     * One view of a stream: subscribes to the query. The initial result is read in the calling thread after the
     * subscription is registered, so no update falls between them, and an error in it (an unknown commitment) is
     * thrown here, before the stream starts. Pass it to {@link #open}, which holds the user's slot.
     *
     * @param initialEvents the events of the initial result
     * @param updateEvents the events of an update (none to skip it)
     * @param current what to send once a rebuild has finished: the current state
     */
    public <I, U> Flux<ServerSentEvent<Object>> subscribe(
            String processingGroup,
            Object query,
            ResponseType<I> initialType,
            Class<U> updateType,
            Function<I, I> checkInitial,
            Events<I> initialEvents,
            Events<U> updateEvents,
            Supplier<List<ServerSentEvent<Object>>> current) {
        BooleanSupplier signedIn = signIns.ofCurrentCaller();
        SubscriptionQueryResult<I, U> result =
                queries.subscriptionQuery(query, initialType, ResponseTypes.instanceOf(updateType));
        I initial;
        try {
            initial = checkInitial.apply(
                    result.initialResult().toFuture().get(INITIAL_RESULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RuntimeException e) {
            result.cancel();
            throw e;
        } catch (Exception e) {
            result.cancel();
            throw new IllegalStateException("the projection did not answer", e);
        }
        AtomicBoolean rebuilding = new AtomicBoolean(false);
        Flux<ServerSentEvent<Object>> first =
                Flux.defer(() -> Flux.fromIterable(send(processingGroup, initial, initialEvents, rebuilding)));
        // updates arrive on the event processor's thread: hand them over at once, so that reading freshness and
        // writing to slow clients never holds the projection up
        Flux<ServerSentEvent<Object>> updates = result.updates()
                .publishOn(Schedulers.boundedElastic())
                .concatMapIterable(update -> send(processingGroup, update, updateEvents, rebuilding));
        Flux<ServerSentEvent<Object>> ticks = Flux.interval(
                        properties.heartbeat(), properties.heartbeat(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMapIterable(tick -> tick(processingGroup, rebuilding, current));
        // the stream ends within a heartbeat of its caller's sign-in: token expired, session signed out or timed out
        Flux<Long> signedOut = Flux.interval(
                        properties.heartbeat(), properties.heartbeat(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .filter(tick -> !signedIn.getAsBoolean())
                .take(1);
        return Flux.concat(first, Flux.merge(updates, ticks))
                .takeUntilOther(signedOut)
                .doFinally(signal -> result.cancel());
    }

    private <T> List<ServerSentEvent<Object>> send(
            String processingGroup, T value, Events<T> events, AtomicBoolean rebuilding) {
        Freshness now = freshness.of(processingGroup);
        if (now.rebuilding()) {
            boolean first = !rebuilding.getAndSet(true);
            return first ? List.of(rebuildingEvent(now)) : List.of();
        }
        if (rebuilding.get()) {
            return List.of(); // the state after the rebuild goes out whole at the next tick
        }
        return events.of(value, now);
    }

    private List<ServerSentEvent<Object>> tick(
            String processingGroup, AtomicBoolean rebuilding, Supplier<List<ServerSentEvent<Object>>> current) {
        Freshness now = freshness.of(processingGroup);
        if (now.rebuilding()) {
            rebuilding.set(true);
            return List.of(rebuildingEvent(now));
        }
        if (rebuilding.getAndSet(false)) {
            return current.get();
        }
        return List.of(ServerSentEvent.builder().comment("heartbeat").build());
    }

    private ServerSentEvent<Object> rebuildingEvent(Freshness now) {
        return ServerSentEvent.builder()
                .event("rebuilding")
                .data(StreamMessage.of(now, null))
                .build();
    }

    /** A data event named {@code name}, telling clients to reconnect after a short delay if it drops. */
    public static ServerSentEvent<Object> event(String name, Freshness freshness, Object data) {
        return ServerSentEvent.builder()
                .event(name)
                .retry(RECONNECT_DELAY)
                .data(StreamMessage.of(freshness, data))
                .build();
    }
}
