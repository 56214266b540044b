package org.cetdialogue.tracker.api.query;

import java.math.BigDecimal;

/** A total; {@code lowerBound} when any figure in it was announced as a minimum ("US$10M+"). */
public record StageAmount(BigDecimal amount, boolean lowerBound) {}
