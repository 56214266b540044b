package org.cetdialogue.tracker.api.audit;

/** The Ed25519 public key of the checkpoints: its id and the key as PEM (X.509 SubjectPublicKeyInfo). */
public record CheckpointKey(String keyId, String publicKeyPem) {}
