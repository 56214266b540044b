package org.cetdialogue.tracker.gateway.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.gateway.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every command over HTTP, on resource paths under {@code /api/commitments}. Each answers with the commitment id and
 * its version after the change; {@code If-Match: "<version>"} makes the write conditional on that version.
 */
@RestController
@RequestMapping(path = "/api/commitments", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Record milestones", description = "Commands: SECRETARIAT only")
public class CommitmentCommandController {

    private static final String IF_MATCH = "If-Match";
    private static final String CORRELATION = "X-Correlation-Id";

    private final CommandGateway commands;
    private final CurrentActor actor;

    public CommitmentCommandController(CommandGateway commands, CurrentActor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    @PostMapping
    @Operation(summary = "Propose a commitment (kind MOU proposes an MOU)")
    public ResponseEntity<CommandResult> propose(
            @Valid @RequestBody ProposeCommitmentRequest request,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        commands.sendAndWait(request.toCommand(), metadata(correlationId, null));
        return ResponseEntity.created(URI.create("/api/commitments/" + request.commitmentId()))
                .body(new CommandResult(request.commitmentId(), 0));
    }

    @PostMapping("/{id}/signature")
    @Operation(summary = "Sign a proposed MOU")
    public CommandResult sign(
            @PathVariable String id,
            @Valid @RequestBody SignMouRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request, ifMatch, correlationId);
    }

    @PostMapping("/{id}/launch")
    @Operation(summary = "Launch the program or work of a commitment")
    public CommandResult launch(
            @PathVariable String id,
            @Valid @RequestBody LaunchProgramRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request, ifMatch, correlationId);
    }

    @PostMapping("/{id}/milestones")
    @Operation(summary = "Record a milestone")
    public CommandResult milestone(
            @PathVariable String id,
            @Valid @RequestBody RecordMilestoneRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request, ifMatch, correlationId);
    }

    @PostMapping("/{id}/funding/pledges")
    @Operation(summary = "Record money pledged by a funder")
    public CommandResult pledge(
            @PathVariable String id,
            @Valid @RequestBody FundingRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request.as(FundingStage.PLEDGED), ifMatch, correlationId);
    }

    @PostMapping("/{id}/funding/commitments")
    @Operation(summary = "Record money committed (obligated) by a funder")
    public CommandResult commit(
            @PathVariable String id,
            @Valid @RequestBody FundingRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request.as(FundingStage.COMMITTED), ifMatch, correlationId);
    }

    @PostMapping("/{id}/funding/disbursements")
    @Operation(summary = "Record money disbursed by a funder")
    public CommandResult disburse(
            @PathVariable String id,
            @Valid @RequestBody FundingRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request.as(FundingStage.DISBURSED), ifMatch, correlationId);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Start implementation, suspend (reason required) or resume")
    public CommandResult changeStatus(
            @PathVariable String id,
            @Valid @RequestBody ChangeStatusRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request, ifMatch, correlationId);
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "Complete a commitment")
    public CommandResult complete(
            @PathVariable String id,
            @Valid @RequestBody CompleteCommitmentRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request, ifMatch, correlationId);
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a commitment (reason required)")
    public CommandResult cancel(
            @PathVariable String id,
            @Valid @RequestBody CancelCommitmentRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request, ifMatch, correlationId);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct an earlier event (reason required)")
    public CommandResult correct(
            @PathVariable String id,
            @Valid @RequestBody CorrectEntryRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(id, request, ifMatch, correlationId);
    }

    private CommandResult send(String id, CommitmentRequest request, String ifMatch, String correlationId) {
        Object command = request.toCommand(CommitmentIds.require(id), Versions.of(ifMatch));
        Long version = commands.sendAndWait(command, metadata(correlationId, request.reason()));
        return new CommandResult(id, version);
    }

    private org.axonframework.messaging.MetaData metadata(String correlationId, String reason) {
        return actor.get().metadata(CorrelationIds.orNew(correlationId), reason).toMetaData();
    }
}
