package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;
import org.cetdialogue.tracker.api.funding.Money;

/**
 * The event at {@code correctedSequence} (of type {@code correctedEventType}) is corrected: {@code before} holds the
 * values it had, {@code after} the values it has now; {@code funder} names the funder of a corrected funding event.
 */
@Revision("1")
public record EntryCorrectedEvent(
        String commitmentId,
        long correctedSequence,
        String correctedEventType,
        String funder,
        CorrectedFields before,
        CorrectedFields after,
        String reason)
        implements CommitmentEvent {

    @Override
    public LocalDate effectiveOn() {
        return null;
    }

    @Override
    public LifecycleStep lifecycleStep() {
        return LifecycleStep.NONE;
    }

    /** A correction itself cannot be corrected. */
    @Override
    public Optional<CorrectableEntry> correctableEntry() {
        return Optional.empty();
    }

    @Override
    public String summary() {
        return "Corrected event " + correctedSequence + " (" + correctedEventType + "): " + changes() + "; reason: "
                + reason;
    }

    private String changes() {
        StringBuilder text = new StringBuilder();
        change(text, "effective date", before.effectiveOn(), after.effectiveOn());
        change(text, "amount", textOf(before.amount()), textOf(after.amount()));
        change(text, "English title", before.titleEn(), after.titleEn());
        change(text, "Korean title", before.titleKo(), after.titleKo());
        return text.toString();
    }

    private static void change(StringBuilder text, String field, Object before, Object after) {
        if (after != null) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(field).append(' ').append(before).append(" -> ").append(after);
        }
    }

    private static String textOf(Money money) {
        return money == null ? null : money.text();
    }
}
