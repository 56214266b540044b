package org.cetdialogue.tracker.api.audit;

import java.util.List;

/** The outcome of a retry: how many parked sequences went through, and what is still parked in the group. */
public record DeadLetterRetryResult(String processingGroup, int processedSequences, List<DeadLetterView> stillParked) {}
