package org.cetdialogue.tracker.gateway.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cetdialogue.tracker.api.commitment.CancelCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ChangeStatusCommand;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CompleteCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.CorrectEntryCommand;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;
import org.cetdialogue.tracker.api.commitment.ProposeCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ProposeMouCommand;
import org.cetdialogue.tracker.api.commitment.RecordMilestoneCommand;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.api.funding.CommitFundingCommand;
import org.cetdialogue.tracker.api.funding.DisburseFundingCommand;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;
import org.cetdialogue.tracker.gateway.commitment.Requests.CancelCommitmentRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.ChangeStatusRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.CompleteCommitmentRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.CorrectEntryRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.FundingRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.LaunchProgramRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.ProposeCommitmentRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.RecordMilestoneRequest;
import org.cetdialogue.tracker.gateway.commitment.Requests.SignMouRequest;
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
        Object command = request.kind() == CommitmentKind.MOU
                ? new ProposeMouCommand(
                        request.commitmentId(),
                        request.area(),
                        request.titleEn(),
                        request.titleKo(),
                        request.partyList(),
                        request.sourceCitation(),
                        request.targetDate(),
                        request.announcedOn())
                : new ProposeCommitmentCommand(
                        request.commitmentId(),
                        request.area(),
                        request.kind(),
                        request.titleEn(),
                        request.titleKo(),
                        request.partyList(),
                        request.sourceCitation(),
                        request.targetDate(),
                        request.announcedOn());
        commands.sendAndWait(command, metadata(correlationId, null));
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
        return send(
                id,
                new SignMouCommand(CommitmentIds.require(id), request.signedOn(), Versions.of(ifMatch)),
                correlationId,
                null);
    }

    @PostMapping("/{id}/launch")
    @Operation(summary = "Launch the program or work of a commitment")
    public CommandResult launch(
            @PathVariable String id,
            @Valid @RequestBody LaunchProgramRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new LaunchProgramCommand(
                        CommitmentIds.require(id), request.launchedOn(), request.note(), Versions.of(ifMatch)),
                correlationId,
                null);
    }

    @PostMapping("/{id}/milestones")
    @Operation(summary = "Record a milestone")
    public CommandResult milestone(
            @PathVariable String id,
            @Valid @RequestBody RecordMilestoneRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new RecordMilestoneCommand(
                        CommitmentIds.require(id), request.description(), request.achievedOn(), Versions.of(ifMatch)),
                correlationId,
                null);
    }

    @PostMapping("/{id}/funding/pledges")
    @Operation(summary = "Record money pledged by a funder")
    public CommandResult pledge(
            @PathVariable String id,
            @Valid @RequestBody FundingRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new PledgeFundingCommand(
                        CommitmentIds.require(id),
                        request.funder(),
                        request.money(),
                        request.valueDate(),
                        Versions.of(ifMatch)),
                correlationId,
                null);
    }

    @PostMapping("/{id}/funding/commitments")
    @Operation(summary = "Record money committed (obligated) by a funder")
    public CommandResult commit(
            @PathVariable String id,
            @Valid @RequestBody FundingRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new CommitFundingCommand(
                        CommitmentIds.require(id),
                        request.funder(),
                        request.money(),
                        request.valueDate(),
                        Versions.of(ifMatch)),
                correlationId,
                null);
    }

    @PostMapping("/{id}/funding/disbursements")
    @Operation(summary = "Record money disbursed by a funder")
    public CommandResult disburse(
            @PathVariable String id,
            @Valid @RequestBody FundingRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new DisburseFundingCommand(
                        CommitmentIds.require(id),
                        request.funder(),
                        request.money(),
                        request.valueDate(),
                        Versions.of(ifMatch)),
                correlationId,
                null);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Start implementation, suspend (reason required) or resume")
    public CommandResult changeStatus(
            @PathVariable String id,
            @Valid @RequestBody ChangeStatusRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new ChangeStatusCommand(
                        CommitmentIds.require(id),
                        request.change(),
                        request.effectiveOn(),
                        request.reason(),
                        Versions.of(ifMatch)),
                correlationId,
                request.reason());
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "Complete a commitment")
    public CommandResult complete(
            @PathVariable String id,
            @Valid @RequestBody CompleteCommitmentRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new CompleteCommitmentCommand(
                        CommitmentIds.require(id), request.completedOn(), request.note(), Versions.of(ifMatch)),
                correlationId,
                null);
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a commitment (reason required)")
    public CommandResult cancel(
            @PathVariable String id,
            @Valid @RequestBody CancelCommitmentRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new CancelCommitmentCommand(
                        CommitmentIds.require(id), request.cancelledOn(), request.reason(), Versions.of(ifMatch)),
                correlationId,
                request.reason());
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct an earlier event (reason required)")
    public CommandResult correct(
            @PathVariable String id,
            @Valid @RequestBody CorrectEntryRequest request,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return send(
                id,
                new CorrectEntryCommand(
                        CommitmentIds.require(id),
                        request.correctedSequence(),
                        request.correction(),
                        request.reason(),
                        Versions.of(ifMatch)),
                correlationId,
                request.reason());
    }

    private CommandResult send(String id, Object command, String correlationId, String reason) {
        Long version = commands.sendAndWait(command, metadata(correlationId, reason));
        return new CommandResult(id, version);
    }

    private org.axonframework.messaging.MetaData metadata(String correlationId, String reason) {
        return actor.get().metadata(CorrelationIds.orNew(correlationId), reason).toMetaData();
    }
}
