package org.cetdialogue.tracker.api.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cetdialogue.tracker.api.commitment.CorrectableEntry.Category;
import org.cetdialogue.tracker.api.commitment.LifecycleStep.Move;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of commitment event, enumerated from the sealed hierarchy, is classified here: the lifecycle move it
 * makes and the entry a correction may name. A new event that is not added to {@link #CLASSIFIED} fails
 * {@link #everyPermittedEventIsClassified()}; one whose own answers disagree with the classification fails the others.
 */
class CommitmentEventMeaningTest {

    private static final String ID = "bio-nsf-msit-bioeconomy-rd";
    private static final LocalDate ON = LocalDate.of(2024, 3, 1);
    private static final Money USD = Money.atLeast("10000000", "USD");

    /** What each event is expected to mean: a sample, its lifecycle move, its correctable category (null: none). */
    private record Meaning(CommitmentEvent sample, Move move, Category category) {}

    private static final Map<Class<?>, Meaning> CLASSIFIED = classified();

    private static Map<Class<?>, Meaning> classified() {
        List<Party> parties = List.of(new Party("NSF", "미국 국립과학재단", Country.US, PartyRole.FUNDER));
        Map<Class<?>, Meaning> meanings = new LinkedHashMap<>();
        add(
                meanings,
                Move.PROPOSE,
                Category.PROPOSAL,
                new MouProposedEvent(
                        ID, Area.BIOTECHNOLOGY, "Biofoundry MOU", "바이오파운드리 양해각서", parties, "fact sheet", null, ON));
        add(
                meanings,
                Move.PROPOSE,
                Category.PROPOSAL,
                new CommitmentProposedEvent(
                        ID,
                        Area.BIOTECHNOLOGY,
                        CommitmentKind.PROGRAM,
                        "Bioeconomy R&D",
                        "바이오경제 연구개발",
                        parties,
                        "fact sheet",
                        null,
                        ON));
        add(meanings, Move.ADVANCE, Category.PAST_FACT, new MouSignedEvent(ID, ON));
        add(meanings, Move.ADVANCE, Category.PAST_FACT, new ProgramLaunchedEvent(ID, ON, null));
        add(meanings, Move.MILESTONE, Category.PAST_FACT, new MilestoneRecordedEvent(ID, "First call", ON));
        add(meanings, Move.ADVANCE, Category.PAST_FACT, new ImplementationStartedEvent(ID, ON, "under way"));
        add(
                meanings,
                Move.SUSPEND,
                Category.PAST_FACT,
                new CommitmentSuspendedEvent(ID, ON, LifecycleStatus.IMPLEMENTING, "budget review"));
        add(
                meanings,
                Move.RESUME,
                Category.PAST_FACT,
                new CommitmentResumedEvent(ID, ON, LifecycleStatus.IMPLEMENTING, "budget approved"));
        add(meanings, Move.ADVANCE, Category.PAST_FACT, new CommitmentCompletedEvent(ID, ON, null));
        add(meanings, Move.CANCEL, Category.PAST_FACT, new CommitmentCancelledEvent(ID, ON, "withdrawn"));
        add(meanings, Move.NONE, Category.FUNDING, new FundingPledgedEvent(ID, "NSF", USD, ON));
        add(meanings, Move.NONE, Category.FUNDING, new FundingCommittedEvent(ID, "NSF", USD, ON));
        add(meanings, Move.NONE, Category.FUNDING, new FundingDisbursedEvent(ID, "NSF", USD, ON));
        add(
                meanings,
                Move.NONE,
                null,
                new EntryCorrectedEvent(
                        ID,
                        3,
                        "FundingPledgedEvent",
                        "NSF",
                        new CorrectedFields(null, USD, null, null),
                        new CorrectedFields(null, Money.of("12000000", "USD"), null, null),
                        "the pledge was 12 million"));
        return meanings;
    }

    private static void add(Map<Class<?>, Meaning> meanings, Move move, Category category, CommitmentEvent sample) {
        meanings.put(sample.getClass(), new Meaning(sample, move, category));
    }

    /** The permitted subclasses of {@link CommitmentEvent}, recursively: every event record. */
    private static Set<Class<?>> permittedEvents() {
        Set<Class<?>> events = new TreeSet<>(Comparator.comparing(Class::getName));
        List<Class<?>> open = new ArrayList<>(List.of(CommitmentEvent.class));
        while (!open.isEmpty()) {
            Class<?> type = open.remove(open.size() - 1);
            if (type.isSealed()) {
                open.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                events.add(type);
            }
        }
        return events;
    }

    static Stream<Named<Meaning>> meanings() {
        return CLASSIFIED.values().stream()
                .map(m -> Named.of(m.sample().getClass().getSimpleName(), m));
    }

    @Test
    void everyPermittedEventIsClassified() {
        assertThat(permittedEvents())
                .as("every event of the sealed CommitmentEvent needs its meaning classified in this test")
                .containsExactlyInAnyOrderElementsOf(CLASSIFIED.keySet());
        assertThat(new ArrayList<Class<?>>(CommitmentEvents.types()))
                .containsExactlyInAnyOrderElementsOf(permittedEvents());
        assertThat(permittedEvents())
                .allSatisfy(type -> assertThat(type.isRecord())
                        .as("%s is a record", type.getSimpleName())
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("meanings")
    void takesItsLifecycleStep(Meaning meaning) {
        LifecycleStep step = meaning.sample().lifecycleStep();
        assertThat(step).isNotNull();
        assertThat(step.move()).isEqualTo(meaning.move());
        assertThat(step.reachesStep()).isEqualTo(step.move() == Move.PROPOSE || step.move() == Move.ADVANCE);
        if (step.move() != Move.MILESTONE && step.move() != Move.NONE) {
            assertThat(step.to()).as("the status it moves to").isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("meanings")
    void makesItsCorrectableEntry(Meaning meaning) {
        CommitmentEvent event = meaning.sample();
        Optional<CorrectableEntry> entry = event.correctableEntry();
        assertThat(entry).isNotNull();
        assertThat(entry.map(CorrectableEntry::category)).isEqualTo(Optional.ofNullable(meaning.category()));
        entry.ifPresent(e -> {
            assertThat(e.eventType()).isEqualTo(event.getClass().getSimpleName());
            assertThat(e.values().effectiveOn()).isEqualTo(event.effectiveOn());
            assertThat(e.values().amount() != null).isEqualTo(e.isFunding());
            assertThat(e.values().titleEn() != null).isEqualTo(e.isProposal());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("meanings")
    void hasItsEffectiveDateAndSummary(Meaning meaning) {
        CommitmentEvent event = meaning.sample();
        if (meaning.category() != null) {
            assertThat(event.effectiveOn()).isEqualTo(ON);
        }
        assertThat(event.summary()).isNotBlank().isNotEqualTo(event.getClass().getSimpleName());
    }

    @Test
    void anMouProposalIsAProposalOfAnMou() {
        assertThat(((ProposalEvent) CLASSIFIED.get(MouProposedEvent.class).sample()).kind())
                .isEqualTo(CommitmentKind.MOU);
    }

    @Test
    void aCorrectionReplacesOnlyTheFieldsItSets() {
        CorrectableEntry pledge =
                new FundingPledgedEvent(ID, "NSF", USD, ON).correctableEntry().orElseThrow();
        CorrectedFields amount = new CorrectedFields(null, Money.of("12000000", "USD"), null, null);
        CorrectedFields date = new CorrectedFields(ON.plusDays(9), null, null, null);

        CorrectableEntry corrected = pledge.correctedBy(amount).correctedBy(date);

        assertThat(corrected.values()).isEqualTo(new CorrectedFields(ON.plusDays(9), amount.amount(), null, null));
        assertThat(corrected.stage()).isEqualTo(FundingStage.PLEDGED);
        assertThat(pledge.fieldsTouchedBy(amount)).isEqualTo(new CorrectedFields(null, USD, null, null));
        assertThat(corrected.fieldsTouchedBy(amount)).isEqualTo(amount);
    }
}
