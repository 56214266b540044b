package org.cetdialogue.tracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/**
 * The boundaries that keep the three ways of running one code base (DESIGN.md), as tests that fail:
 * <ul>
 *   <li>the gateway speaks messages: no class of {@code org.cetdialogue.tracker.gateway} uses a class of the command
 *       side or the read side, or Axon's processing configuration; only the standalone application class
 *       ({@code org.cetdialogue.tracker.CommitmentTrackerApplication}) assembles the modules;
 *   <li>no SQL names Axon's event tables outside the command module's storage configuration: the read side and the
 *       audit trail read events through Axon's {@code EventStore}, so they work on any storage.
 * </ul>
 */
class ArchitectureRulesTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cetdialogue.tracker");

    /** The modules of the product whose sources the SQL rule reads (the benchmarks' raw baselines are not product). */
    private static final List<String> MODULES =
            List.of("commitment-api", "commitment-command", "commitment-query", "api-gateway");

    private static final Pattern AXON_EVENT_TABLES =
            Pattern.compile("\\b(domain_event_entry|snapshot_event_entry)\\b", Pattern.CASE_INSENSITIVE);

    /** Where SQL may name Axon's event tables, and why. */
    private static final Map<String, String> STORAGE_CONFIGURATION = Map.of(
            "commitment-command/src/main/java/org/cetdialogue/tracker/command/config/CommandSideConfiguration.java",
            "the event schema of Axon's JDBC storage engine",
            "commitment-command/src/main/resources/db/migration/eventstore/V1_1__event_store.sql",
            "the event tables' DDL",
            "commitment-query/src/main/resources/db/vendor/postgresql/V4_9__event_tables_append_only.sql",
            "the append-only triggers that guard the event tables on PostgreSQL (an applied migration: it cannot"
                    + " move without changing its checksum); they read nothing");

    @Test
    void theGatewayUsesOnlyTheContractNeverTheCommandOrReadSide() {
        noClasses()
                .that()
                .resideInAPackage("org.cetdialogue.tracker.gateway..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.cetdialogue.tracker.command..",
                        "org.cetdialogue.tracker.query..",
                        "org.axonframework.config..")
                .because("the gateway runs alone in the Axon Server deployment: it reads and writes only through"
                        + " the command and query messages of commitment-api")
                .check(PRODUCT);
        noClasses()
                .that()
                .resideInAPackage("org.cetdialogue.tracker.gateway..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EventStore.class)
                .because("events are read on the read side and written by the aggregate; the gateway sends messages")
                .check(PRODUCT);
    }

    @Test
    void noSqlNamesAxonsEventTablesOutsideTheCommandModulesStorageConfiguration() {
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<String> violations = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = repository.resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(Files::isRegularFile)
                        .filter(file -> file.toString().endsWith(".java")
                                || file.toString().endsWith(".sql")
                                || file.toString().endsWith(".yml")
                                || file.toString().endsWith(".xml"))
                        .forEach(file -> {
                            String name = repository.relativize(file).toString().replace('\\', '/');
                            if (!STORAGE_CONFIGURATION.containsKey(name)
                                    && AXON_EVENT_TABLES
                                            .matcher(withoutComments(file))
                                            .find()) {
                                violations.add(name);
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(violations)
                .as("SQL naming domain_event_entry or snapshot_event_entry outside the command module's storage"
                        + " configuration: read events through Axon's EventStore (StoredEvents) instead")
                .isEmpty();
    }

    /** The file without its comments: a remark about a table is no SQL on it. */
    private static String withoutComments(Path file) {
        try {
            String text = Files.readString(file);
            String name = file.toString();
            if (name.endsWith(".sql")) {
                return text.replaceAll("--[^\\n]*", "");
            }
            if (name.endsWith(".java")) {
                return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            }
            return text.replaceAll("#[^\\n]*", "").replaceAll("(?s)<!--.*?-->", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
