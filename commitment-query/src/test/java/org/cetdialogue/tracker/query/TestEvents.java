package org.cetdialogue.tracker.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;

/** Proposals with plausible defaults, and the recording time of each event, for the projection tests. */
public final class TestEvents {

    /** The day the fact sheet was published; the first event of every test commitment is recorded then. */
    public static final Instant FIRST_RECORDED = Instant.parse("2025-11-14T09:00:00Z");

    public static final LocalDate ANNOUNCED_ON = LocalDate.of(2025, 11, 14);

    public static final List<Party> PARTIES = List.of(
            new Party("U.S. National Science Foundation", "미국 국립과학재단", Country.US, PartyRole.SIGNATORY),
            new Party("Ministry of Science and ICT", "과학기술정보통신부", Country.ROK, PartyRole.SIGNATORY));

    private TestEvents() {}

    /** When the event at {@code sequence} was recorded: a minute after the one before it. */
    public static Instant recordedAt(long sequence) {
        return FIRST_RECORDED.plusSeconds(60 * sequence);
    }

    public static CommitmentProposedEvent proposal(
            String commitmentId, Area area, CommitmentKind kind, LocalDate targetDate) {
        return new CommitmentProposedEvent(
                commitmentId,
                area,
                kind,
                "Title of " + commitmentId,
                commitmentId + " 제목",
                PARTIES,
                "CET Dialogue fact sheet, 14 November 2025",
                targetDate,
                ANNOUNCED_ON);
    }

    public static CommitmentProposedEvent program(String commitmentId, Area area) {
        return proposal(commitmentId, area, CommitmentKind.PROGRAM, null);
    }

    public static MouProposedEvent mou(String commitmentId, Area area, LocalDate targetDate) {
        return new MouProposedEvent(
                commitmentId,
                area,
                "Title of " + commitmentId,
                commitmentId + " 제목",
                PARTIES,
                "CET Dialogue fact sheet, 14 November 2025",
                targetDate,
                ANNOUNCED_ON);
    }

    public static MouProposedEvent mou(String commitmentId, Area area) {
        return mou(commitmentId, area, null);
    }
}
