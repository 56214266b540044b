package org.cetdialogue.tracker.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;
import org.cetdialogue.tracker.gateway.security.SignInLifetime;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The SSE idiom on its own: initial result, updates, heartbeats, rebuilding, closing. */
class LiveStreamsTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(50);

    private final QueryGateway queries = mock(QueryGateway.class);
    private final ProjectionFreshness freshness = mock(ProjectionFreshness.class);
    private final StreamProperties properties = new StreamProperties(HEARTBEAT, 2, 10, 10);
    private final StreamLimiter limiter = new StreamLimiter(properties);
    private final AtomicBoolean signedIn = new AtomicBoolean(true);
    private final SignInLifetime signIns = new SignInLifetime(mock()) {
        @Override
        public BooleanSupplier ofCurrentCaller() {
            return signedIn::get;
        }
    };
    private final StreamShutdown shutdown = new StreamShutdown();
    private final LiveStreams streams = new LiveStreams(
            queries,
            freshness,
            limiter,
            properties,
            new StreamDeliveryProperties(0, 0, null, 0, null, 0),
            signIns,
            shutdown);
    private final Sinks.Many<String> updates = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Freshness> now = new AtomicReference<>(new Freshness(10L, 0L, false, null));

    @Test
    void sendsTheInitialResultThenUpdatesThenHeartbeatsAndClosesWhenTheClientGoes() {
        Flux<ServerSentEvent<Object>> stream = open("state-1");

        List<ServerSentEvent<Object>> first = stream.doOnSubscribe(s -> updates.tryEmitNext("state-2"))
                .take(3)
                .collectList()
                .block(Duration.ofSeconds(5));

        assertThat(first.get(0).event()).isEqualTo("test");
        assertThat(((StreamMessage) first.get(0).data()).data()).isEqualTo("state-1");
        assertThat(((StreamMessage) first.get(1).data()).data()).isEqualTo("state-2");
        assertThat(first.get(2).comment()).isEqualTo("heartbeat");
        assertThat(cancelled).isTrue(); // take(3) cancelled the stream: the subscription is closed
        assertThat(limiter.openStreams("someone")).isZero();
    }

    @Test
    void whileRebuildingSendsProgressInsteadOfDataThenTheCurrentStateAfresh() {
        Flux<ServerSentEvent<Object>> stream = open("state-1");
        List<ServerSentEvent<Object>> events = stream.doOnNext(event -> {
                    if ("test".equals(event.event()) && "state-1".equals(data(event))) {
                        now.set(new Freshness(3L, 7L, true, 30));
                        updates.tryEmitNext("half-built"); // an update during the rebuild: withheld
                    } else if ("rebuilding".equals(event.event())) {
                        now.set(new Freshness(12L, 0L, false, null));
                    }
                })
                .filter(event -> event.comment() == null)
                .take(3)
                .collectList()
                .block(Duration.ofSeconds(5));

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("test", "rebuilding", "test");
        StreamMessage rebuilding = (StreamMessage) events.get(1).data();
        assertThat(rebuilding.rebuilding()).isTrue();
        assertThat(rebuilding.progress()).isEqualTo(30);
        assertThat(rebuilding.data()).isNull();
        assertThat(data(events.get(2))).isEqualTo("current state");
        assertThat(((StreamMessage) events.get(2).data()).position()).isEqualTo(12);
    }

    @Test
    void endsWithinAHeartbeatOnceTheCallerIsNoLongerSignedInAndGivesItsSlotBack() {
        Flux<ServerSentEvent<Object>> stream = open("state-1");

        List<ServerSentEvent<Object>> events = stream.doOnNext(event -> {
                    if (event.comment() != null) {
                        signedIn.set(false); // the token expired, or the session was signed out
                    }
                })
                .collectList()
                .block(Duration.ofSeconds(5));

        assertThat(events).isNotEmpty();
        assertThat(events.get(0).event()).isEqualTo("test");
        // the stream completed on the heartbeat's thread, which closes the subscription right after
        await().atMost(Duration.ofSeconds(5)).untilTrue(cancelled);
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.openStreams("someone") == 0);
    }

    @Test
    void completesAtOnceWhenTheApplicationStopsAndGivesItsSlotBack() {
        shutdown.start();
        Flux<ServerSentEvent<Object>> stream = open("state-1");

        List<ServerSentEvent<Object>> events =
                stream.doOnNext(event -> shutdown.stop()).collectList().block(Duration.ofSeconds(5));

        assertThat(events).hasSize(1); // the initial result, then completion: no heartbeat awaited
        assertThat(cancelled).isTrue();
        assertThat(limiter.openStreams("someone")).isZero();
        // a stream asked for while the application stops ends at once too
        assertThat(open("late")
                        .filter(event -> event.comment() != null)
                        .collectList()
                        .block(Duration.ofSeconds(5)))
                .isEmpty();
    }

    @Test
    void heartbeatsOfOneProjectionShareAReadingOfItsFreshness() {
        SharedFreshness shared =
                new SharedFreshness(freshness, Duration.ofSeconds(10).toNanos());
        when(freshness.of(eq("group"))).thenAnswer(invocation -> now.get());

        now.set(new Freshness(11L, 0L, false, null));
        assertThat(shared.forTick("group").position()).isEqualTo(11L);
        now.set(new Freshness(12L, 0L, false, null));
        assertThat(shared.forTick("group").position())
                .as("within the age bound")
                .isEqualTo(11L);
        assertThat(shared.exact("group").position()).as("an update reads anew").isEqualTo(12L);
        assertThat(new SharedFreshness(freshness, 0).forTick("group").position())
                .isEqualTo(12L);
    }

    @Test
    void refusesAStreamBeyondTheCap() {
        open("a");
        open("b");
        assertThatThrownBy(() -> open("c")).isInstanceOf(TooManyStreamsException.class);
    }

    private Flux<ServerSentEvent<Object>> open(String initial) {
        when(freshness.of(eq("group"))).thenAnswer(invocation -> now.get());
        doReturn(new DefaultSubscriptionQueryResult<>(Mono.just(initial), updates.asFlux(), () -> {
                    cancelled.set(true);
                    return true;
                }))
                .when(queries)
                .subscriptionQuery(any(), any(ResponseType.class), any(ResponseType.class));
        return streams.open(
                "someone",
                () -> streams.subscribe(
                        "group",
                        "query",
                        ResponseTypes.instanceOf(String.class),
                        String.class,
                        value -> value,
                        (value, fresh) -> List.of(LiveStreams.event("test", fresh, value)),
                        (value, fresh) -> List.of(LiveStreams.event("test", fresh, value)),
                        () -> List.of(LiveStreams.event("test", now.get(), "current state"))));
    }

    private static Object data(ServerSentEvent<Object> event) {
        return ((StreamMessage) event.data()).data();
    }
}
