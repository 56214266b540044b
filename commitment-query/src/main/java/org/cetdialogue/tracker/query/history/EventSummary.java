package org.cetdialogue.tracker.query.history;

import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.funding.FundingEvent;
import org.cetdialogue.tracker.api.funding.Money;

/** One line of English that says what an event records, for the history. */
public final class EventSummary {

    private EventSummary() {}

    public static String of(CommitmentEvent event) {
        if (event instanceof CommitmentProposedEvent e) {
            return "Proposed " + e.kind().name().toLowerCase().replace('_', ' ') + ": " + e.titleEn();
        } else if (event instanceof MouProposedEvent e) {
            return "MOU proposed: " + e.titleEn();
        } else if (event instanceof MouSignedEvent e) {
            return "MOU signed on " + e.signedOn();
        } else if (event instanceof ProgramLaunchedEvent e) {
            return "Launched on " + e.launchedOn() + (e.note() == null ? "" : ": " + e.note());
        } else if (event instanceof MilestoneRecordedEvent e) {
            return "Milestone reached on " + e.achievedOn() + ": " + e.description();
        } else if (event instanceof FundingEvent e) {
            return e.funder() + " " + e.stage().name().toLowerCase() + " " + money(e.amount()) + " (value date "
                    + e.valueDate() + ")";
        } else if (event instanceof ImplementationStartedEvent e) {
            return "Implementation started on " + e.startedOn();
        } else if (event instanceof CommitmentSuspendedEvent e) {
            return "Suspended on " + e.suspendedOn() + ": " + e.reason();
        } else if (event instanceof CommitmentResumedEvent e) {
            return "Resumed on " + e.resumedOn() + ", back to "
                    + e.resumedStatus().name().toLowerCase();
        } else if (event instanceof CommitmentCompletedEvent e) {
            return "Completed on " + e.completedOn();
        } else if (event instanceof CommitmentCancelledEvent e) {
            return "Cancelled on " + e.cancelledOn() + ": " + e.reason();
        } else if (event instanceof EntryCorrectedEvent e) {
            return "Corrected event " + e.correctedSequence() + " (" + e.correctedEventType() + "): "
                    + changes(e.before(), e.after()) + "; reason: " + e.reason();
        }
        return event.getClass().getSimpleName();
    }

    private static String changes(CorrectedFields before, CorrectedFields after) {
        StringBuilder text = new StringBuilder();
        change(text, "effective date", before.effectiveOn(), after.effectiveOn());
        change(
                text,
                "amount",
                before.amount() == null ? null : money(before.amount()),
                after.amount() == null ? null : money(after.amount()));
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

    private static String money(Money money) {
        return (money.lowerBound() ? "at least " : "") + money.currency() + " "
                + money.amount().toPlainString();
    }
}
