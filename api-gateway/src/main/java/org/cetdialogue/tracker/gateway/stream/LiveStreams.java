package org.cetdialogue.tracker.gateway.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;
import org.cetdialogue.tracker.gateway.security.SignInLifetime;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The one SSE idiom of the gateway, over an Axon subscription query: subscribe, then send the initial result, then the
 * updates; a heartbeat comment when idle, so a client that went away is noticed at the next write; the subscription
 * closed and the user's stream slot given back when the client goes, or when the caller's sign-in ends. Every event carries the projection's freshness;
 * while the projection is being rebuilt, clients get "rebuilding" with its progress instead of data, and once it is
 * done the current state afresh. Streams of one projection share their readings of its freshness
 * ({@link SharedFreshness}), and every stream completes as soon as the application begins to stop
 * ({@link StreamShutdown}).
 */
@Component
public class LiveStreams {

    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final List<ServerSentEvent<Object>> HEARTBEAT =
            List.of(ServerSentEvent.builder().comment("heartbeat").build());

    private final QueryGateway queries;
    private final SharedFreshness freshness;
    private final StreamLimiter limiter;
    private final StreamProperties properties;
    private final SignInLifetime signIns;
    private final StreamShutdown shutdown;
    private final Semaphore opening;
    private final Duration openWait;

    public LiveStreams(
            QueryGateway queries,
            ProjectionFreshness freshness,
            StreamLimiter limiter,
            StreamProperties properties,
            StreamDeliveryProperties delivery,
            SignInLifetime signIns,
            StreamShutdown shutdown) {
        this.queries = queries;
        // a tick's reading may be up to a quarter heartbeat old, so that each tick (every half heartbeat) reads anew
        this.freshness = new SharedFreshness(
                freshness,
                Math.min(
                        delivery.freshnessMaxAge().toNanos(),
                        properties.heartbeat().toNanos() / 4));
        this.limiter = limiter;
        this.properties = properties;
        this.signIns = signIns;
        this.shutdown = shutdown;
        this.opening = new Semaphore(delivery.maxOpening(), true);
        this.openWait = delivery.openWait();
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
        return stream
                // the application is stopping: the stream completes now rather than hold the shutdown
                .takeUntilOther(shutdown.stopping())
                .doFinally(signal -> limiter.release(user));
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
        return subscribe(
                processingGroup, query, initialType, updateType, checkInitial, initialEvents, updateEvents, current, 0);
    }

    /**
     * As above, keeping up to {@code updateBuffer} updates for a client that falls behind (0: Axon's default, 256);
     * beyond it, Axon drops the oldest. At most {@code tracker.stream.delivery.max-opening} views read their initial
     * result at once; the others wait their turn without a connection, and past the wait get 503 with
     * {@code Retry-After} ({@link StreamsBusyException}).
     */
    public <I, U> Flux<ServerSentEvent<Object>> subscribe(
            String processingGroup,
            Object query,
            ResponseType<I> initialType,
            Class<U> updateType,
            Function<I, I> checkInitial,
            Events<I> initialEvents,
            Events<U> updateEvents,
            Supplier<List<ServerSentEvent<Object>>> current,
            int updateBuffer) {
        BooleanSupplier signedIn = signIns.ofCurrentCaller();
        try {
            if (!opening.tryAcquire(openWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new StreamsBusyException(openWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsBusyException(openWait);
        }
        SubscriptionQueryResult<I, U> result;
        I initial;
        try {
            result = updateBuffer > 0
                    ? queries.subscriptionQuery(
                            QueryMessage.queryName(query),
                            query,
                            initialType,
                            ResponseTypes.instanceOf(updateType),
                            updateBuffer)
                    : queries.subscriptionQuery(query, initialType, ResponseTypes.instanceOf(updateType));
            try {
                initial = checkInitial.apply(result.initialResult()
                        .toFuture()
                        .get(INITIAL_RESULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (RuntimeException e) {
                result.cancel();
                throw e;
            } catch (Exception e) {
                result.cancel();
                throw new IllegalStateException("the projection did not answer", e);
            }
        } finally {
            opening.release();
        }
        AtomicBoolean rebuilding = new AtomicBoolean(false);
        // the stream holds its initial result only until it is sent (a dashboard's recent activity, every area): a
        // thousand open streams would otherwise keep a thousand copies for as long as they stay open
        AtomicReference<I> unsent = new AtomicReference<>(initial);
        Flux<ServerSentEvent<Object>> first = Flux.defer(
                () -> Flux.fromIterable(send(processingGroup, unsent.getAndSet(null), initialEvents, rebuilding)));
        // updates arrive on the event processor's thread: hand them over at once, so that reading freshness and
        // writing to slow clients never holds the projection up
        Flux<ServerSentEvent<Object>> updates = result.updates()
                .publishOn(Schedulers.boundedElastic())
                .concatMapIterable(update -> send(processingGroup, update, updateEvents, rebuilding));
        // a write to a connection its client closed goes out once (the peer answers with a reset) and fails only the
        // next time: a comment every half heartbeat notices a client that went away within one heartbeat. The same
        // tick ends the stream once its caller's sign-in has ended (token expired, session signed out or timed out):
        // one timer per stream
        Duration tickEvery = properties.heartbeat().dividedBy(2);
        Sinks.One<Boolean> signedOut = Sinks.one();
        Flux<ServerSentEvent<Object>> ticks = Flux.interval(tickEvery, tickEvery, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMapIterable(tick -> {
                    if (!signedIn.getAsBoolean()) {
                        signedOut.tryEmitValue(true);
                        return List.of();
                    }
                    return tick(processingGroup, rebuilding, current);
                });
        return Flux.concat(first, Flux.merge(updates, ticks))
                .takeUntilOther(signedOut.asMono())
                .doFinally(signal -> result.cancel());
    }

    private <T> List<ServerSentEvent<Object>> send(
            String processingGroup, T value, Events<T> events, AtomicBoolean rebuilding) {
        Freshness now = freshness.exact(processingGroup);
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
        Freshness now = freshness.forTick(processingGroup);
        if (now.rebuilding()) {
            rebuilding.set(true);
            return List.of(rebuildingEvent(now));
        }
        if (rebuilding.getAndSet(false)) {
            return current.get();
        }
        return HEARTBEAT;
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
