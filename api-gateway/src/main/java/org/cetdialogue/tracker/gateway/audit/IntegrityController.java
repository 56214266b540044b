package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.cetdialogue.tracker.api.audit.ChainVerification;
import org.cetdialogue.tracker.api.audit.Checkpoint;
import org.cetdialogue.tracker.api.audit.CheckpointKey;
import org.cetdialogue.tracker.api.audit.FindChainVerificationQuery;
import org.cetdialogue.tracker.api.audit.FindCheckpointKeyQuery;
import org.cetdialogue.tracker.api.audit.SignCheckpointCommand;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence: recompute the hash chain, sign its head, hand out the public key. */
@RestController
@RequestMapping("/api/audit")
public class IntegrityController {

    private final AuditMessages messages;

    IntegrityController(AuditMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the hash chain from the stored events; names the first bad position")
    public ChainVerification verify() {
        return messages.query(new FindChainVerificationQuery(), ChainVerification.class);
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Sign the chain head now (201), or 204 when the last checkpoint already covers it")
    @ApiResponse(responseCode = "201", description = "The new signed checkpoint")
    @ApiResponse(responseCode = "204", description = "The last checkpoint covers the head already")
    public ResponseEntity<Checkpoint> checkpoint() {
        Checkpoint signed = messages.send(new SignCheckpointCommand());
        return signed == null
                ? ResponseEntity.noContent().build()
                : ResponseEntity.status(201).body(signed);
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The Ed25519 public key of the checkpoints, PEM (X.509 SubjectPublicKeyInfo)")
    public ResponseEntity<String> publicKey() {
        CheckpointKey key = messages.query(new FindCheckpointKeyQuery(), CheckpointKey.class);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header("X-Key-Id", key.keyId())
                .body(key.publicKeyPem());
    }
}
