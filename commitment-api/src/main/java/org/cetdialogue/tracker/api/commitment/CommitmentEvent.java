package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;

/** Every event of a commitment names it and, where it records a fact, the date the fact took effect. */
public interface CommitmentEvent {

    String commitmentId();

    /** When it happened (business time), as opposed to when it was recorded; null where not applicable. */
    LocalDate effectiveOn();
}
