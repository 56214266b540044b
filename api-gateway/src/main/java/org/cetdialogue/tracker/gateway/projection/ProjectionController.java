package org.cetdialogue.tracker.gateway.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.query.AreaStatus;
import org.cetdialogue.tracker.api.query.AreaStatusList;
import org.cetdialogue.tracker.api.query.CommitmentHistory;
import org.cetdialogue.tracker.api.query.CommitmentSummaryList;
import org.cetdialogue.tracker.api.query.CommitmentView;
import org.cetdialogue.tracker.api.query.FindAreaStatusQuery;
import org.cetdialogue.tracker.api.query.FindAreasQuery;
import org.cetdialogue.tracker.api.query.FindCommitmentHistoryQuery;
import org.cetdialogue.tracker.api.query.FindCommitmentQuery;
import org.cetdialogue.tracker.api.query.FindCommitmentsQuery;
import org.cetdialogue.tracker.api.query.FindFundingTotalsQuery;
import org.cetdialogue.tracker.api.query.FundingTotals;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.gateway.commitment.CommitmentIds;
import org.cetdialogue.tracker.gateway.commitment.Versions;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads of the projections, through the query bus; whole-projection answers through {@link ProjectionReadCache}. */
@RestController
@RequestMapping("/api")
@Tag(name = "Projections", description = "Area status, funding totals, commitments and their history")
public class ProjectionController {

    private final QueryGateway queries;
    private final ProjectionReadCache cache;

    public ProjectionController(QueryGateway queries, ProjectionReadCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    @GetMapping("/areas")
    @Operation(summary = "Status of all seven areas")
    public AreaStatusList areas() {
        FindAreasQuery query = new FindAreasQuery();
        return cache.get(
                Projections.AREA_STATUS,
                query,
                () -> queries.query(query, AreaStatusList.class).join());
    }

    @GetMapping("/areas/{area}")
    @Operation(summary = "Status of one area")
    public AreaStatus area(@PathVariable String area) {
        FindAreaStatusQuery query = new FindAreaStatusQuery(area(area, true));
        return cache.get(
                Projections.AREA_STATUS,
                query,
                () -> queries.query(query, AreaStatus.class).join());
    }

    @GetMapping("/commitments")
    @Operation(summary = "Commitments, optionally of one area")
    public CommitmentSummaryList commitments(@RequestParam(required = false) String area) {
        FindCommitmentsQuery query = new FindCommitmentsQuery(area(area, false));
        return cache.get(
                Projections.AREA_STATUS,
                query,
                () -> queries.query(query, CommitmentSummaryList.class).join());
    }

    @GetMapping("/commitments/{id}")
    @Operation(summary = "Current state of one commitment; the ETag carries its version")
    public ResponseEntity<CommitmentView> commitment(@PathVariable String id) {
        CommitmentIds.require(id);
        Optional<CommitmentView> view = queries.query(
                        new FindCommitmentQuery(id), ResponseTypes.optionalInstanceOf(CommitmentView.class))
                .join();
        CommitmentView found = view.orElseThrow(() -> new NotFoundException("no commitment " + id));
        return ResponseEntity.ok().eTag(Versions.etag(found.version())).body(found);
    }

    @GetMapping("/commitments/{id}/history")
    @Operation(summary = "The events of one commitment in order, with actor, times and reasons")
    public CommitmentHistory history(@PathVariable String id) {
        CommitmentIds.require(id);
        CommitmentHistory history = queries.query(new FindCommitmentHistoryQuery(id), CommitmentHistory.class)
                .join();
        if (history.entries().isEmpty()) {
            throw new NotFoundException("no commitment " + id);
        }
        return history;
    }

    @GetMapping("/funding")
    @Operation(summary = "Funding totals by area, commitment, funder and currency")
    public FundingTotals funding(@RequestParam(required = false) String area) {
        FindFundingTotalsQuery query = new FindFundingTotalsQuery(area(area, false));
        return cache.get(
                Projections.FUNDING_TOTALS,
                query,
                () -> queries.query(query, FundingTotals.class).join());
    }

    /** An area by name (case-insensitive); unknown in a path is 404, unknown in a filter is 400. */
    private static Area area(String name, boolean inPath) {
        if (name == null) {
            return null;
        }
        return Arrays.stream(Area.values())
                .filter(a -> a.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> inPath
                        ? new NotFoundException("no area " + name)
                        : InvalidRequestException.badRequest("area must be one of " + Arrays.toString(Area.values())));
    }
}
