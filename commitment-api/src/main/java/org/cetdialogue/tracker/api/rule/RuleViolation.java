package org.cetdialogue.tracker.api.rule;

/** The details of a refused command: which rule and a message that says what and why. */
public record RuleViolation(RuleCode code, String message) {}
