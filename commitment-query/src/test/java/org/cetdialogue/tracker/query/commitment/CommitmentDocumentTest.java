package org.cetdialogue.tracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;
import org.cetdialogue.tracker.api.query.EventReference;
import org.cetdialogue.tracker.query.lifecycle.Progress;
import org.junit.jupiter.api.Test;

/** The copy a projection folds the next event into carries every field, and shares no mutable state. */
class CommitmentDocumentTest {

    @Test
    void aCopyHasEveryFieldOfTheOriginal() throws IllegalAccessException {
        CommitmentDocument doc = new CommitmentDocument();
        doc.commitmentId = "copy-test";
        doc.area = Area.QUANTUM;
        doc.kind = CommitmentKind.MOU;
        doc.titleEn = "Copy";
        doc.titleKo = "복사";
        doc.progress = new Progress(LifecycleStatus.IMPLEMENTING, LifecycleStatus.IMPLEMENTING, 3);
        doc.reachedBy = new EventReference(4, "ProgramLaunchedEvent");
        doc.parties = new ArrayList<>(List.of(new Party("NSF", "미국 국립과학재단", Country.US, PartyRole.LEAD)));
        doc.sourceCitation = "fact sheet";
        doc.targetDate = LocalDate.of(2025, 6, 30);
        doc.announcedOn = LocalDate.of(2023, 12, 8);
        doc.signedOn = LocalDate.of(2024, 1, 2);
        doc.launchedOn = LocalDate.of(2024, 2, 3);
        doc.completedOn = LocalDate.of(2024, 3, 4);
        doc.cancelledOn = LocalDate.of(2024, 4, 5);
        doc.version = 9;
        doc.lastRecordedAt = Instant.parse("2024-04-05T06:07:08Z");

        CommitmentDocument copy = doc.copy();

        for (Field field : CommitmentDocument.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object original = field.get(doc);
            assertThat(original).as("set in this test: " + field.getName()).isNotNull();
            assertThat(field.get(copy)).as(field.getName()).isEqualTo(original);
        }
        copy.parties.add(new Party("KIST", "한국과학기술연구원", Country.ROK, PartyRole.LEAD));
        assertThat(doc.parties).as("the original's parties are untouched").hasSize(1);
    }
}
