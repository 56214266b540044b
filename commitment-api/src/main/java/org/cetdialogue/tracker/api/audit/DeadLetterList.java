package org.cetdialogue.tracker.api.audit;

import java.util.List;

/** The parked events of every projection, with their cause. */
public record DeadLetterList(List<DeadLetterView> deadLetters) {}
