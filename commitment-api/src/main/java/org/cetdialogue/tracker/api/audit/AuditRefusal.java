package org.cetdialogue.tracker.api.audit;

/**
 * The details of a refused audit message: which refusal and a message that says what and why. It travels as the
 * details of Axon's CommandExecutionException or QueryExecutionException, so that a gateway in another JVM can answer
 * with the right HTTP status without knowing the read side's exception classes.
 */
public record AuditRefusal(AuditRefusalCode code, String message) {}
