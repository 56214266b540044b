package org.cetdialogue.tracker.gateway.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every command over HTTP, on resource paths under {@code /api/commitments}. Each answers with the commitment id and
 * its version after the change; {@code If-Match: "<version>"} makes the write conditional on that version. Each body
 * maps itself to its command, the path and headers are read once ({@link WriteContext}), and the command gateway adds
 * who sent it ({@link ActorMetadataInterceptor}). Writes take turns per commitment before they are sent
 * ({@link WriteAdmission}): past its bounds a write is refused with 503 and {@code Retry-After}.
 */
@RestController
@RequestMapping(path = "/api/commitments", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Record milestones", description = "Commands: SECRETARIAT only")
public class CommitmentCommandController {

    private final CommandGateway commands;
    private final WriteAdmission admission;

    public CommitmentCommandController(CommandGateway commands, WriteAdmission admission) {
        this.commands = commands;
        this.admission = admission;
    }

    @PostMapping
    @Operation(summary = "Propose a commitment (kind MOU proposes an MOU)")
    public ResponseEntity<CommandResult> propose(
            @Valid @RequestBody ProposeCommitmentRequest request, WriteContext context) {
        return create(request, context);
    }

    @PostMapping("/{id}/signature")
    @Operation(summary = "Sign a proposed MOU")
    public CommandResult sign(@Valid @RequestBody SignMouRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/launch")
    @Operation(summary = "Launch the program or work of a commitment")
    public CommandResult launch(@Valid @RequestBody LaunchProgramRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/milestones")
    @Operation(summary = "Record a milestone")
    public CommandResult milestone(@Valid @RequestBody RecordMilestoneRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/funding/pledges")
    @Operation(summary = "Record money pledged by a funder")
    public CommandResult pledge(@Valid @RequestBody FundingRequest request, WriteContext context) {
        return send(request.as(FundingStage.PLEDGED), context);
    }

    @PostMapping("/{id}/funding/commitments")
    @Operation(summary = "Record money committed (obligated) by a funder")
    public CommandResult commit(@Valid @RequestBody FundingRequest request, WriteContext context) {
        return send(request.as(FundingStage.COMMITTED), context);
    }

    @PostMapping("/{id}/funding/disbursements")
    @Operation(summary = "Record money disbursed by a funder")
    public CommandResult disburse(@Valid @RequestBody FundingRequest request, WriteContext context) {
        return send(request.as(FundingStage.DISBURSED), context);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Start implementation, suspend (reason required) or resume")
    public CommandResult changeStatus(@Valid @RequestBody ChangeStatusRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "Complete a commitment")
    public CommandResult complete(@Valid @RequestBody CompleteCommitmentRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a commitment (reason required)")
    public CommandResult cancel(@Valid @RequestBody CancelCommitmentRequest request, WriteContext context) {
        return send(request, context);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct an earlier event (reason required)")
    public CommandResult correct(@Valid @RequestBody CorrectEntryRequest request, WriteContext context) {
        return send(request, context);
    }

    private ResponseEntity<CommandResult> create(ProposeCommitmentRequest request, WriteContext context) {
        admission.admit(
                request.commitmentId(), () -> commands.sendAndWait(request.toCommand(), context.metadata(null)));
        return ResponseEntity.created(URI.create("/api/commitments/" + request.commitmentId()))
                .body(new CommandResult(request.commitmentId(), 0));
    }

    private CommandResult send(CommitmentRequest request, WriteContext context) {
        Object command = request.toCommand(context.commitmentId(), context.expectedVersion());
        Long version = admission.admit(
                context.commitmentId(), () -> commands.sendAndWait(command, context.metadata(request.reason())));
        return new CommandResult(context.commitmentId(), version);
    }
}
