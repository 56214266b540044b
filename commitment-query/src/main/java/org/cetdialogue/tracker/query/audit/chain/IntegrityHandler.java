package org.cetdialogue.tracker.query.audit.chain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.audit.ChainVerification;
import org.cetdialogue.tracker.api.audit.Checkpoint;
import org.cetdialogue.tracker.api.audit.CheckpointKey;
import org.cetdialogue.tracker.api.audit.FindChainVerificationQuery;
import org.cetdialogue.tracker.api.audit.FindCheckpointKeyQuery;
import org.cetdialogue.tracker.api.audit.SignCheckpointCommand;
import org.springframework.stereotype.Component;

/** Tamper evidence by message: recompute the chain, sign its head, hand out the public key. */
@Component
public class IntegrityHandler {

    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final SigningKey key;

    public IntegrityHandler(ChainVerifier verifier, Checkpoints checkpoints, SigningKey key) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @QueryHandler
    public ChainVerification handle(FindChainVerificationQuery query) {
        return verifier.verify();
    }

    @QueryHandler
    public CheckpointKey handle(FindCheckpointKeyQuery query) {
        return new CheckpointKey(key.keyId(), key.publicKeyPem());
    }

    /** The stored checkpoint, or null when the last one already covers the head. */
    @CommandHandler
    public Checkpoint handle(SignCheckpointCommand command) {
        return checkpoints.signHead().orElse(null);
    }
}
