package org.cetdialogue.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.FundingCommittedEvent;
import org.cetdialogue.tracker.api.commitment.FundingDisbursedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the stored JSON of every event to an approved file in {@code src/test/resources/approved-events}. A change of
 * shape must be deliberate: update the approved file and add an upcaster (and a new {@code @Revision}) beside it.
 *
 * <p>When an approved file is missing or differs, the JSON actually written is left in
 * {@code target/received-events/<Name>.json}; inspect it and, if it is right, copy it over the approved file.
 */
class EventJsonApprovalTest {

    private static final String MOU_ID = "bio-lbnl-kribb-biofoundry-mou";
    private static final String PROGRAM_ID = "bio-nsf-msit-bioeconomy-rd";

    private static final List<Party> PARTIES = List.of(
            new Party("Lawrence Berkeley National Laboratory", "로렌스버클리국립연구소", Country.US, PartyRole.SIGNATORY),
            new Party(
                    "Korea Research Institute of Bioscience and Biotechnology",
                    "한국생명공학연구원",
                    Country.ROK,
                    PartyRole.SIGNATORY));

    private static final Map<Class<? extends CommitmentEvent>, CommitmentEvent> SAMPLES = samples();

    private static Map<Class<? extends CommitmentEvent>, CommitmentEvent> samples() {
        Map<Class<? extends CommitmentEvent>, CommitmentEvent> samples = new LinkedHashMap<>();
        put(
                samples,
                new MouProposedEvent(
                        MOU_ID,
                        Area.BIOTECHNOLOGY,
                        "LBNL-KRIBB MOU on biofoundry cooperation",
                        "LBNL-KRIBB 바이오파운드리 협력 양해각서",
                        PARTIES,
                        "Joint fact sheet, 2023-12-08, biotechnology",
                        LocalDate.of(2023, 6, 30),
                        LocalDate.of(2023, 4, 20)));
        put(
                samples,
                new CommitmentProposedEvent(
                        PROGRAM_ID,
                        Area.BIOTECHNOLOGY,
                        CommitmentKind.PROGRAM,
                        "NSF-MSIT bioeconomy R&D cooperation",
                        "NSF-과기정통부 바이오경제 공동연구",
                        List.of(
                                new Party("National Science Foundation", "미국 국립과학재단", Country.US, PartyRole.FUNDER),
                                new Party("Ministry of Science and ICT", "과학기술정보통신부", Country.ROK, PartyRole.LEAD)),
                        "Joint fact sheet, 2023-12-08, biotechnology",
                        LocalDate.of(2028, 12, 31),
                        LocalDate.of(2023, 12, 8)));
        put(samples, new MouSignedEvent(MOU_ID, LocalDate.of(2023, 4, 26)));
        put(samples, new ProgramLaunchedEvent(PROGRAM_ID, LocalDate.of(2024, 3, 1), "First call for proposals opened"));
        put(
                samples,
                new MilestoneRecordedEvent(PROGRAM_ID, "Twelve joint projects selected", LocalDate.of(2024, 9, 2)));
        put(
                samples,
                new FundingPledgedEvent(
                        PROGRAM_ID,
                        "National Science Foundation",
                        Money.atLeast("10000000", "USD"),
                        LocalDate.of(2024, 1, 1)));
        put(
                samples,
                new FundingCommittedEvent(
                        PROGRAM_ID,
                        "Ministry of Science and ICT",
                        Money.of("13000000000", "KRW"),
                        LocalDate.of(2024, 7, 1)));
        put(
                samples,
                new FundingDisbursedEvent(
                        PROGRAM_ID,
                        "National Science Foundation",
                        Money.of("2500000.5", "USD"),
                        LocalDate.of(2024, 10, 15)));
        put(samples, new ImplementationStartedEvent(PROGRAM_ID, LocalDate.of(2024, 4, 1), "Joint projects under way"));
        put(
                samples,
                new CommitmentSuspendedEvent(
                        PROGRAM_ID, LocalDate.of(2024, 11, 1), LifecycleStatus.IMPLEMENTING, "Budget under review"));
        put(
                samples,
                new CommitmentResumedEvent(
                        PROGRAM_ID, LocalDate.of(2025, 2, 3), LifecycleStatus.IMPLEMENTING, "Budget approved"));
        put(samples, new CommitmentCompletedEvent(PROGRAM_ID, LocalDate.of(2025, 6, 30), "Final report delivered"));
        put(
                samples,
                new CommitmentCancelledEvent(MOU_ID, LocalDate.of(2025, 1, 15), "Superseded by a broader agreement"));
        put(
                samples,
                new EntryCorrectedEvent(
                        PROGRAM_ID,
                        5,
                        "FundingPledgedEvent",
                        "National Science Foundation",
                        new CorrectedFields(LocalDate.of(2024, 1, 1), Money.atLeast("10000000", "USD"), null, null),
                        new CorrectedFields(LocalDate.of(2024, 2, 1), Money.atLeast("12000000", "USD"), null, null),
                        "The pledge was announced as US$12M+ in February"));
        return samples;
    }

    private static void put(Map<Class<? extends CommitmentEvent>, CommitmentEvent> samples, CommitmentEvent event) {
        samples.put(event.getClass(), event);
    }

    private final ObjectMapper mapper = MessageJson.newObjectMapper();

    static Stream<Named<CommitmentEvent>> samplesToCheck() {
        return SAMPLES.values().stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesToCheck")
    void storedJsonMatchesApprovedFile(CommitmentEvent sample) throws IOException {
        String name = sample.getClass().getSimpleName();
        String received = normalise(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(sample));
        Path approvedFile = approvedDirectory().resolve(name + ".json");
        if (!Files.exists(approvedFile)) {
            Path receivedFile = writeReceived(name, received);
            fail("No approved JSON for " + name + ". Inspect " + receivedFile + " and, if it is right, copy it to "
                    + approvedFile + " and commit it.");
        }
        String approved = normalise(Files.readString(approvedFile, StandardCharsets.UTF_8));
        if (!approved.equals(received)) {
            Path receivedFile = writeReceived(name, received);
            assertThat(received)
                    .as(
                            "The stored JSON of %s changed (written to %s). A stored event may not change shape: add"
                                    + " a new @Revision and an upcaster, then update %s.",
                            name, receivedFile, approvedFile)
                    .isEqualTo(approved);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesToCheck")
    void approvedFileReadsBackAsTheSample(CommitmentEvent sample) throws IOException {
        Path approvedFile = approvedDirectory().resolve(sample.getClass().getSimpleName() + ".json");
        if (!Files.exists(approvedFile)) {
            fail("No approved JSON for " + sample.getClass().getSimpleName() + "; see storedJsonMatchesApprovedFile");
        }
        Object read = mapper.readValue(Files.readString(approvedFile, StandardCharsets.UTF_8), sample.getClass());
        assertThat(read).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesToCheck")
    void sampleSetsEveryField(CommitmentEvent sample) throws ReflectiveOperationException {
        for (RecordComponent component : sample.getClass().getRecordComponents()) {
            assertThat(component.getAccessor().invoke(sample))
                    .as("%s.%s", sample.getClass().getSimpleName(), component.getName())
                    .isNotNull();
        }
    }

    @Test
    void everyEventIsARecordWithRevisionOne() {
        assertThat(eventClassesInContract()).isNotEmpty().allSatisfy(type -> {
            assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
            assertThat(type.getSimpleName()).endsWith("Event");
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision).as("@Revision on %s", type.getName()).isNotNull();
            assertThat(revision.value()).as("@Revision of %s", type.getName()).isEqualTo("1");
        });
    }

    @Test
    void coversEveryEventOfTheContract() {
        Set<Class<?>> sampled = new TreeSet<>(Comparator.comparing(Class::getName));
        sampled.addAll(SAMPLES.keySet());
        assertThat(sampled)
                .as("every CommitmentEvent in commitment-api needs a sample here and an approved JSON file")
                .isEqualTo(eventClassesInContract());
    }

    @Test
    void everyApprovedFileBelongsToAnEvent() throws IOException {
        Set<String> expected = SAMPLES.keySet().stream()
                .map(type -> type.getSimpleName() + ".json")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> approved = new TreeSet<>();
        if (Files.isDirectory(approvedDirectory())) {
            try (Stream<Path> files = Files.list(approvedDirectory())) {
                files.map(file -> file.getFileName().toString()).forEach(approved::add);
            }
        }
        assertThat(approved).as("approved files without an event").isEqualTo(expected);
    }

    @Test
    void storedJsonHoldsRecordComponentsOnly() throws IOException {
        for (CommitmentEvent sample : SAMPLES.values()) {
            var names = new TreeSet<String>();
            mapper.valueToTree(sample).fieldNames().forEachRemaining(names::add);
            var components = Stream.of(sample.getClass().getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(names).as(sample.getClass().getSimpleName()).isEqualTo(components);
        }
        assertThat(mapper.valueToTree(Money.of("1", "USD")).fieldNames())
                .toIterable()
                .containsExactly("amount", "currency", "lowerBound");
    }

    /** Every concrete class implementing CommitmentEvent among the compiled classes of commitment-api. */
    static Set<Class<?>> eventClassesInContract() {
        Path classes = locationOf(CommitmentEvent.class);
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .map(relative -> relative.substring(0, relative.length() - ".class".length())
                            .replace(classes.getFileSystem().getSeparator(), "."))
                    .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
                    .map(EventJsonApprovalTest::load)
                    .filter(CommitmentEvent.class::isAssignableFrom)
                    .filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers()))
                    .collect(Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(Class::getName))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventJsonApprovalTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path locationOf(Class<?> type) {
        try {
            Path location = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException(type + " was not loaded from a classes directory: " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <module>/target/test-classes} → {@code <module>}. */
    private static Path moduleDirectory() {
        return locationOf(EventJsonApprovalTest.class).getParent().getParent();
    }

    private static Path approvedDirectory() {
        return moduleDirectory().resolve("src/test/resources/approved-events");
    }

    private static Path writeReceived(String name, String json) throws IOException {
        Path directory = moduleDirectory().resolve("target/received-events");
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String normalise(String json) {
        return json.replace("\r\n", "\n").strip() + "\n";
    }
}
