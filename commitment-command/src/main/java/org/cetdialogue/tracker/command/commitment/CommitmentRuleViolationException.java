package org.cetdialogue.tracker.command.commitment;

import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;

/** A command that breaks a rule of the commitment's lifecycle; the message says what and why. */
public class CommitmentRuleViolationException extends RuntimeException {

    private final RuleCode code;

    public CommitmentRuleViolationException(RuleCode code, String message) {
        super(message);
        this.code = code;
    }

    public RuleCode code() {
        return code;
    }

    public RuleViolation toViolation() {
        return new RuleViolation(code, getMessage());
    }
}
