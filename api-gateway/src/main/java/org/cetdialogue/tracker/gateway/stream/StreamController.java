package org.cetdialogue.tracker.gateway.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.query.ActivityEntry;
import org.cetdialogue.tracker.api.query.ActivityFeed;
import org.cetdialogue.tracker.api.query.AreaStatusList;
import org.cetdialogue.tracker.api.query.AreaStatusUpdate;
import org.cetdialogue.tracker.api.query.CommitmentView;
import org.cetdialogue.tracker.api.query.CommitmentViewUpdate;
import org.cetdialogue.tracker.api.query.FindActivityQuery;
import org.cetdialogue.tracker.api.query.FindAreasQuery;
import org.cetdialogue.tracker.api.query.FindCommitmentQuery;
import org.cetdialogue.tracker.api.query.FindFundingTotalsQuery;
import org.cetdialogue.tracker.api.query.FundingTotals;
import org.cetdialogue.tracker.api.query.FundingTotalsUpdate;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.gateway.commitment.CommitmentIds;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.cetdialogue.tracker.gateway.freshness.Freshness;
import org.cetdialogue.tracker.gateway.freshness.ProjectionFreshness;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Live projections as Server-Sent Events: each stream starts with the current state, then sends every change. The
 * data of each event is a {@link StreamMessage}: position, lag, rebuilding, progress, data.
 */
@RestController
@RequestMapping("/api/stream")
@Tag(name = "Live streams", description = "Server-Sent Events: area status, funding totals, a commitment, activity")
public class StreamController {

    private final LiveStreams streams;
    private final QueryGateway queries;
    private final ProjectionFreshness freshness;
    private final StreamProperties properties;
    private final StreamDeliveryProperties delivery;

    public StreamController(
            LiveStreams streams,
            QueryGateway queries,
            ProjectionFreshness freshness,
            StreamProperties properties,
            StreamDeliveryProperties delivery) {
        this.streams = streams;
        this.queries = queries;
        this.freshness = freshness;
        this.properties = properties;
        this.delivery = delivery;
    }

    @GetMapping("/areas")
    @Operation(summary = "Status of all seven areas, then each change (event `areas`)")
    public Flux<ServerSentEvent<Object>> areas(Principal user) {
        return streams.open(user.getName(), this::areasView);
    }

    private Flux<ServerSentEvent<Object>> areasView() {
        String group = Projections.AREA_STATUS;
        return streams.subscribe(
                group,
                new FindAreasQuery(),
                ResponseTypes.instanceOf(AreaStatusList.class),
                AreaStatusUpdate.class,
                initial -> initial,
                StreamController::areasEvent,
                (update, now) -> areasEvent(update.areas(), now.atLeast(update.position())),
                () -> areasEvent(
                        queries.query(new FindAreasQuery(), AreaStatusList.class)
                                .join(),
                        freshness.of(group)));
    }

    @GetMapping("/funding")
    @Operation(summary = "Funding totals, of all areas or of one, then each change (event `funding`)")
    public Flux<ServerSentEvent<Object>> funding(Principal user, @RequestParam(required = false) String area) {
        Area selected = area(area);
        return streams.open(user.getName(), () -> fundingView(selected));
    }

    private Flux<ServerSentEvent<Object>> fundingView(Area area) {
        String group = Projections.FUNDING_TOTALS;
        FindFundingTotalsQuery query = new FindFundingTotalsQuery(area);
        return streams.subscribe(
                group,
                query,
                ResponseTypes.instanceOf(FundingTotals.class),
                FundingTotalsUpdate.class,
                initial -> initial,
                StreamController::fundingEvent,
                (update, now) -> fundingEvent(update.totals(), now.atLeast(update.position())),
                () -> fundingEvent(queries.query(query, FundingTotals.class).join(), freshness.of(group)));
    }

    @GetMapping("/commitments/{id}")
    @Operation(summary = "One commitment's state, then each change (event `commitment`)")
    public Flux<ServerSentEvent<Object>> commitment(Principal user, @PathVariable String id) {
        CommitmentIds.require(id);
        return streams.open(user.getName(), () -> commitmentView(id));
    }

    private Flux<ServerSentEvent<Object>> commitmentView(String id) {
        String group = Projections.COMMITMENT_VIEW;
        FindCommitmentQuery query = new FindCommitmentQuery(id);
        return streams.<Optional<CommitmentView>, CommitmentViewUpdate>subscribe(
                group,
                query,
                ResponseTypes.optionalInstanceOf(CommitmentView.class),
                CommitmentViewUpdate.class,
                initial -> {
                    if (initial.isEmpty()) {
                        throw new NotFoundException("no commitment " + id);
                    }
                    return initial;
                },
                (initial, now) -> List.of(LiveStreams.event("commitment", now, initial.orElseThrow())),
                (update, now) ->
                        List.of(LiveStreams.event("commitment", now.atLeast(update.position()), update.view())),
                () -> queries.query(query, ResponseTypes.optionalInstanceOf(CommitmentView.class))
                        .join()
                        .map(view -> List.of(LiveStreams.event("commitment", freshness.of(group), view)))
                        .orElse(List.of()));
    }

    /**
     * The activity feed. Each event's SSE id is its global position in the event store. A client reconnecting with
     * {@code Last-Event-ID} (which {@code EventSource} sends by itself; {@code lastEventId} as a parameter for clients
     * that cannot set headers) gets every entry after that position and then the live ones, each exactly once.
     */
    @GetMapping("/activity")
    @Operation(summary = "Recent activity, then each new event (event `activity`, id = global position)")
    public Flux<ServerSentEvent<Object>> activity(
            Principal user,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        Long lastEventId = position(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter);
        return streams.open(user.getName(), () -> activityView(lastEventId));
    }

    /**
     * The dashboard page's one connection: the areas, the funding totals of all areas and the activity feed, merged.
     * The event names say which view an event belongs to: {@code areas}, {@code funding}, {@code activity}, and
     * {@code areas-rebuilding}, {@code funding-rebuilding}, {@code activity-rebuilding} while one is rebuilt. Only
     * activity events carry an id (the global position), so {@code Last-Event-ID} (or {@code lastEventId}) resumes the
     * feed with nothing missed, while areas and funding start afresh from their current state. It takes one of the
     * user's stream slots, where the three streams took three.
     */
    @GetMapping("/dashboard")
    @Operation(
            summary = "Areas, funding and activity on one connection (events `areas`, `funding`, `activity`,"
                    + " `<view>-rebuilding`; activity ids are global positions)")
    public Flux<ServerSentEvent<Object>> dashboard(
            Principal user,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        Long lastEventId = position(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter);
        return streams.open(
                user.getName(),
                () -> named("areas", areasView()),
                () -> named("funding", fundingView(null)),
                () -> named("activity", activityView(lastEventId)));
    }

    /** A view's {@code rebuilding} events renamed {@code <view>-rebuilding}, for a stream that carries several. */
    private static Flux<ServerSentEvent<Object>> named(String view, Flux<ServerSentEvent<Object>> events) {
        return events.map(event -> !"rebuilding".equals(event.event())
                ? event
                : ServerSentEvent.builder()
                        .event(view + "-rebuilding")
                        .data(event.data())
                        .build());
    }

    private Flux<ServerSentEvent<Object>> activityView(Long lastEventId) {
        String group = Projections.ACTIVITY;
        // the positions sent on this stream: the backlog is read after subscribing, so an entry can come both in the
        // backlog and as an update, and entries may come out of position order (see SentPositions); each goes out once
        SentPositions lastSent = new SentPositions(lastEventId == null ? -1 : lastEventId);
        FindActivityQuery query = lastEventId == null
                ? new FindActivityQuery(null, properties.recentActivity())
                : new FindActivityQuery(lastEventId, properties.replayPageSize());
        return streams.subscribe(
                group,
                query,
                ResponseTypes.instanceOf(ActivityFeed.class),
                ActivityEntry.class,
                initial -> lastEventId == null ? initial : missed(initial),
                (feed, now) -> activityEvents(feed.entries(), now, lastSent),
                (entry, now) -> activityEvents(List.of(entry), now, lastSent),
                () -> activityEvents(
                        lastSent.highest() < 0
                                ? queries.query(query, ActivityFeed.class)
                                        .join()
                                        .entries()
                                : missed(queries.query(
                                                        new FindActivityQuery(
                                                                lastSent.highest(), properties.replayPageSize()),
                                                        ActivityFeed.class)
                                                .join())
                                        .entries(),
                        freshness.of(group),
                        lastSent),
                delivery.activityBuffer());
    }

    /** Everything after a first page of missed entries, page by page, so a long absence leaves no gap either. */
    private ActivityFeed missed(ActivityFeed firstPage) {
        List<ActivityEntry> entries = new ArrayList<>(firstPage.entries());
        List<ActivityEntry> page = firstPage.entries();
        while (page.size() == properties.replayPageSize()) {
            long after = page.get(page.size() - 1).position();
            page = queries.query(new FindActivityQuery(after, properties.replayPageSize()), ActivityFeed.class)
                    .join()
                    .entries();
            entries.addAll(page);
        }
        return new ActivityFeed(entries);
    }

    private static List<ServerSentEvent<Object>> areasEvent(AreaStatusList areas, Freshness now) {
        return List.of(LiveStreams.event("areas", now, areas));
    }

    private static List<ServerSentEvent<Object>> fundingEvent(FundingTotals totals, Freshness now) {
        return List.of(LiveStreams.event("funding", now, totals));
    }

    private static List<ServerSentEvent<Object>> activityEvents(
            List<ActivityEntry> entries, Freshness now, SentPositions lastSent) {
        return entries.stream()
                .filter(entry -> lastSent.markSent(entry.position()))
                .map(entry -> ServerSentEvent.builder()
                        .id(Long.toString(entry.position()))
                        .event("activity")
                        .data(StreamMessage.of(now.atLeast(entry.position()), entry))
                        .build())
                .toList();
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position < 0) {
                throw InvalidRequestException.badRequest("Last-Event-ID must be a global position (0 or more)");
            }
            return position;
        } catch (NumberFormatException e) {
            throw InvalidRequestException.badRequest("Last-Event-ID must be a global position (0 or more)");
        }
    }

    private static Area area(String name) {
        if (name == null) {
            return null;
        }
        return Arrays.stream(Area.values())
                .filter(a -> a.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() ->
                        InvalidRequestException.badRequest("area must be one of " + Arrays.toString(Area.values())));
    }
}
