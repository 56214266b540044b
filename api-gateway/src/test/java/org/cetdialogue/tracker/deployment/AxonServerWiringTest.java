package org.cetdialogue.tracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.json.StoredMessageSerializer;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.command.CommitmentCommandService;
import org.cetdialogue.tracker.command.commitment.Commitment;
import org.cetdialogue.tracker.gateway.audit.AsOfController;
import org.cetdialogue.tracker.gateway.audit.AuditHistoryController;
import org.cetdialogue.tracker.gateway.audit.DeadLetterController;
import org.cetdialogue.tracker.gateway.audit.ExportController;
import org.cetdialogue.tracker.gateway.audit.IntegrityController;
import org.cetdialogue.tracker.gateway.audit.ReplayController;
import org.cetdialogue.tracker.gateway.commitment.CommitmentCommandController;
import org.cetdialogue.tracker.gateway.projection.ProjectionController;
import org.cetdialogue.tracker.gateway.service.GatewayService;
import org.cetdialogue.tracker.query.CommitmentQueryService;
import org.cetdialogue.tracker.query.area.AreaStatusProjection;
import org.cetdialogue.tracker.query.commitment.CommitmentViewProjection;
import org.cetdialogue.tracker.query.funding.FundingTotalsProjection;
import org.cetdialogue.tracker.query.history.HistoryProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.ClassUtils;

/**
 * The three services of the Axon Server deployment, each started as its own application with its Axon Server
 * settings, pointed at an address where no Axon Server listens: the connector's beans are there, the embedded event
 * store is not, and each service holds its own components and no one else's. Nothing connects (connection is
 * asynchronous and retried), which is all a machine without Docker and Axon Server can check. Across the three,
 * every command and query of the contract has exactly one handler, and the gateway holds no event processor.
 */
class AxonServerWiringTest {

    private static String[] arguments(String service) {
        return new String[] {
            "--spring.profiles.active=axonserver",
            "--axon.axonserver.servers=localhost:1",
            "--spring.datasource.url=jdbc:h2:mem:wiring-" + service
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--server.port=0",
            "--tracker.seed.enabled=false",
            "--spring.main.banner-mode=off"
        };
    }

    static ConfigurableApplicationContext command;
    static ConfigurableApplicationContext query;
    static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void startTheThreeServices() {
        command = CommitmentCommandService.start(arguments("command"));
        query = CommitmentQueryService.start(arguments("query"));
        // a production profile: no demo users, so the wiring check signs a site user in
        gateway = GatewayService.start(Stream.concat(
                        Arrays.stream(arguments("gateway")),
                        Stream.of(
                                "--tracker.security.users[0].username=site-viewer",
                                "--tracker.security.users[0].password-hash="
                                        + new BCryptPasswordEncoder(4).encode("a site's own password"),
                                "--tracker.security.users[0].role=VIEWER",
                                "--tracker.security.users[0].side=US"))
                .toArray(String[]::new));
    }

    @AfterAll
    static void stopTheThreeServices() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {gateway, query, command}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void commandServiceHoldsTheAggregateOnAxonServer() {
        assertConnectedToAxonServer(command);
        assertThat(command.getEnvironment().getProperty("axon.axonserver.component-name"))
                .isEqualTo("commitment-command");
        assertThat(command.getBeanNamesForType(Commitment.class)).isNotEmpty();
        assertThat(command.getBean("commitmentRepository")).isNotNull();
        assertAbsent(command, CommitmentViewProjection.class, CommitmentCommandController.class);
    }

    @Test
    void queryServiceHoldsTheProjectionsOnAxonServer() {
        assertConnectedToAxonServer(query);
        assertThat(query.getEnvironment().getProperty("axon.axonserver.component-name"))
                .isEqualTo("commitment-query");
        for (Class<?> projection : new Class<?>[] {
            CommitmentViewProjection.class,
            AreaStatusProjection.class,
            FundingTotalsProjection.class,
            HistoryProjection.class
        }) {
            assertThat(query.getBeanNamesForType(projection))
                    .as(projection.getSimpleName())
                    .hasSize(1);
        }
        // every processor of the read side's catalogue runs here, the hash chain included
        assertThat(query.getBean(EventProcessingConfiguration.class).eventProcessors())
                .containsOnlyKeys(Projections.ALL);
        assertAbsent(query, Commitment.class, CommitmentCommandController.class);
    }

    @Test
    void gatewayServiceHoldsTheHttpApiAndNeitherSide() {
        assertConnectedToAxonServer(gateway);
        assertThat(gateway.getEnvironment().getProperty("axon.axonserver.component-name"))
                .isEqualTo("api-gateway");
        assertThat(gateway.getBeanNamesForType(CommitmentCommandController.class))
                .hasSize(1);
        assertThat(gateway.getBeanNamesForType(ProjectionController.class)).hasSize(1);
        // the auditors' endpoints send queries and commands of the contract to the query service
        for (Class<?> audit : new Class<?>[] {
            AuditHistoryController.class,
            AsOfController.class,
            ExportController.class,
            IntegrityController.class,
            ReplayController.class,
            DeadLetterController.class
        }) {
            assertThat(gateway.getBeanNamesForType(audit))
                    .as(audit.getSimpleName())
                    .hasSize(1);
        }
        assertAbsent(gateway, Commitment.class, CommitmentViewProjection.class, HistoryProjection.class);
        assertThat(gateway.getBean(EventProcessingConfiguration.class).eventProcessors())
                .as("the gateway holds no event processor")
                .isEmpty();
    }

    @Test
    void everyCommandAndQueryOfTheContractHasExactlyOneHandlerAcrossTheThreeServices() {
        Map<Class<?>, List<String>> handlers = new HashMap<>();
        handledBy(command, "commitment-command", handlers);
        handledBy(query, "commitment-query", handlers);
        handledBy(gateway, "api-gateway", handlers);

        List<Class<?>> contract = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.cetdialogue.tracker.api")
                        .stream()
                        .filter(type -> type.getSimpleName().endsWith("Command")
                                || type.getSimpleName().endsWith("Query"))
                        .filter(type ->
                                !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT))
                        .<Class<?>>map(type -> type.reflect())
                        .toList();
        assertThat(contract).as("the contract's commands and queries").isNotEmpty();
        for (Class<?> message : contract) {
            assertThat(handlers.getOrDefault(message, List.of()))
                    .as(message.getSimpleName() + " is handled exactly once, in one service")
                    .hasSize(1);
        }
        assertThat(handlers.keySet())
                .as("every handled command and query belongs to the contract")
                .allMatch(contract::contains);
        assertThat(handlers.values().stream().flatMap(List::stream))
                .as("the gateway holds no handler: it only sends")
                .noneMatch(handler -> handler.startsWith("api-gateway"));
    }

    /** Each command and query handler of the tracker's own beans (aggregates included) in one service's context. */
    private static void handledBy(
            ConfigurableApplicationContext context, String service, Map<Class<?>, List<String>> handlers) {
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith("org.cetdialogue.tracker.")) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(CommandHandler.class)
                        || method.isAnnotationPresent(QueryHandler.class)) {
                    handlers.computeIfAbsent(method.getParameterTypes()[0], key -> new ArrayList<>())
                            .add(service + ": " + type.getSimpleName());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.isAnnotationPresent(CommandHandler.class)) {
                    handlers.computeIfAbsent(constructor.getParameterTypes()[0], key -> new ArrayList<>())
                            .add(service + ": " + type.getSimpleName());
                }
            }
        }
    }

    @Test
    void gatewayServiceHasNoDemoUsersAndWillNotStartWithoutUsersOfItsOwn() {
        assertThatThrownBy(() ->
                        GatewayService.start(arguments("gateway-without-users")).close())
                .rootCause()
                .hasMessageContaining("no users are configured and the demo users are off");
    }

    private static void assertConnectedToAxonServer(ConfigurableApplicationContext context) {
        assertThat(context.getBeanNamesForType(AxonServerConnectionManager.class))
                .hasSize(1);
        assertThat(bean(context, CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(bean(context, QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(bean(context, EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBeanNamesForType(EmbeddedEventStore.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EventStorageEngine.class)).isEmpty();
        // every service writes and reads the funding events under their stored (former) type names
        Object serializer = context.getBean("serializer");
        assertThat(serializer).isInstanceOf(StoredMessageSerializer.class);
        assertThat(context.getBean("messageSerializer")).isSameAs(serializer);
        assertThat(context.getBean("eventSerializer")).isSameAs(serializer);
    }

    /** The bean other beans get injected: the primary one where the local segment is a second candidate. */
    private static Object bean(ConfigurableApplicationContext context, Class<?> type) {
        return context.getBean(type);
    }

    private static void assertAbsent(ConfigurableApplicationContext context, Class<?>... types) {
        for (Class<?> type : types) {
            assertThat(context.getBeanNamesForType(type))
                    .as(type.getSimpleName())
                    .isEmpty();
        }
    }
}
