package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.cetdialogue.tracker.query.audit.chain.ChainVerification;
import org.cetdialogue.tracker.query.audit.chain.ChainVerifier;
import org.cetdialogue.tracker.query.audit.chain.Checkpoint;
import org.cetdialogue.tracker.query.audit.chain.Checkpoints;
import org.cetdialogue.tracker.query.audit.chain.SigningKey;
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

    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final SigningKey key;

    public IntegrityController(ChainVerifier verifier, Checkpoints checkpoints, SigningKey key) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the hash chain from the stored events; names the first bad position")
    public ChainVerification verify() {
        return verifier.verify();
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Sign the chain head now (201), or 204 when the last checkpoint already covers it")
    public ResponseEntity<Checkpoint> checkpoint() {
        return checkpoints
                .signHead()
                .map(c -> ResponseEntity.status(201).body(c))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The Ed25519 public key of the checkpoints, PEM (X.509 SubjectPublicKeyInfo)")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header("X-Key-Id", key.keyId())
                .body(key.publicKeyPem());
    }
}
