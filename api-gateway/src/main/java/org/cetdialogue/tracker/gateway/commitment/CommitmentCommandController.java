package org.cetdialogue.tracker.gateway.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.messaging.MetaData;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every command over HTTP, on resource paths under {@code /api/commitments}. Each answers with the commitment id, its
 * version after the change and the global position of its event ({@code X-Event-Position} and {@code position}, see
 * {@link CommitmentWrites}); {@code If-Match: "<version>"} makes the write conditional on that version. Each body
 * maps itself to its command, the path and headers are read once ({@link WriteContext}), and the command gateway adds
 * who sent it ({@link ActorMetadataInterceptor}). Writes take turns per commitment before they are sent
 * ({@link WriteAdmission}): past its bounds a write is refused with 503 and {@code Retry-After}.
 */
@RestController
@RequestMapping(path = "/api/commitments", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Record milestones", description = "Commands: SECRETARIAT only")
public class CommitmentCommandController {

    private final CommitmentWrites writes;
    private final WriteAdmission admission;

    public CommitmentCommandController(CommitmentWrites writes, WriteAdmission admission) {
        this.writes = writes;
        this.admission = admission;
    }

    @PostMapping
    @Operation(summary = "Propose a commitment (kind MOU proposes an MOU)")
    @ApiResponse(responseCode = "201", description = "Proposed: the commitment at version 0, and its Location")
    public ResponseEntity<CommandResult> propose(
            @Valid @RequestBody ProposeCommitmentRequest request, WriteContext context) {
        return create(request, context);
    }

    @PostMapping("/{id}/signature")
    @Operation(summary = "Sign a proposed MOU")
    public ResponseEntity<CommandResult> sign(@Valid @RequestBody SignMouRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/launch")
    @Operation(summary = "Launch the program or work of a commitment")
    public ResponseEntity<CommandResult> launch(
            @Valid @RequestBody LaunchProgramRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/milestones")
    @Operation(summary = "Record a milestone")
    public ResponseEntity<CommandResult> milestone(
            @Valid @RequestBody RecordMilestoneRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/funding/pledges")
    @Operation(summary = "Record money pledged by a funder")
    public ResponseEntity<CommandResult> pledge(@Valid @RequestBody FundingRequest request, WriteContext context) {
        return send(request.as(FundingStage.PLEDGED), context);
    }

    @PostMapping("/{id}/funding/commitments")
    @Operation(summary = "Record money committed (obligated) by a funder")
    public ResponseEntity<CommandResult> commit(@Valid @RequestBody FundingRequest request, WriteContext context) {
        return send(request.as(FundingStage.COMMITTED), context);
    }

    @PostMapping("/{id}/funding/disbursements")
    @Operation(summary = "Record money disbursed by a funder")
    public ResponseEntity<CommandResult> disburse(@Valid @RequestBody FundingRequest request, WriteContext context) {
        return send(request.as(FundingStage.DISBURSED), context);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Start implementation, suspend (reason required) or resume")
    public ResponseEntity<CommandResult> changeStatus(
            @Valid @RequestBody ChangeStatusRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "Complete a commitment")
    public ResponseEntity<CommandResult> complete(
            @Valid @RequestBody CompleteCommitmentRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a commitment (reason required)")
    public ResponseEntity<CommandResult> cancel(
            @Valid @RequestBody CancelCommitmentRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct an earlier event (reason required)")
    public ResponseEntity<CommandResult> correct(
            @Valid @RequestBody CorrectEntryRequest request, WriteContext context) {
        return send(request, context);
    }

    private ResponseEntity<CommandResult> create(ProposeCommitmentRequest request, WriteContext context) {
        CommandResult result = admission.admit(
                request.commitmentId(),
                () -> writes.send(request.commitmentId(), request.toCommand(), context.metadata(null)));
        return withPosition(ResponseEntity.created(URI.create("/api/commitments/" + request.commitmentId())), result);
    }

    private ResponseEntity<CommandResult> send(CommitmentRequest request, WriteContext context) {
        Object command = request.toCommand(context.commitmentId(), context.expectedVersion());
        CommandResult result = admission.admit(
                context.commitmentId(), () -> sendInTurn(context, command, context.metadata(request.reason())));
        return withPosition(ResponseEntity.ok(), result);
    }

    /**
     * A write that lost the race for its commitment's next version to another instance as often as the command
     * gateway retries it ({@link CommandRetryConfiguration}): with {@code If-Match} the version it asked for is gone,
     * 412; without, it asked for none, so it is refused as contended (503 with {@code Retry-After}, nothing stored, not
     * kept by the idempotency filter), never with a 412 for a precondition it did not send.
     */
    private CommandResult sendInTurn(WriteContext context, Object command, MetaData metadata) {
        try {
            return writes.send(context.commitmentId(), command, metadata);
        } catch (RuntimeException e) {
            if (context.expectedVersion() == null && CommandRetryConfiguration.isLostRace(e)) {
                throw admission.lostRaces(context.commitmentId());
            }
            throw e;
        }
    }

    private static ResponseEntity<CommandResult> withPosition(
            ResponseEntity.BodyBuilder response, CommandResult result) {
        if (result.position() != null) {
            response.header(CommitmentWrites.EVENT_POSITION, Long.toString(result.position()));
        }
        return response.body(result);
    }
}
