package org.cetdialogue.tracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.cetdialogue.tracker.api.json.StoredMessageSerializer;
import org.cetdialogue.tracker.command.CommitmentCommandService;
import org.cetdialogue.tracker.command.commitment.Commitment;
import org.cetdialogue.tracker.gateway.commitment.CommitmentCommandController;
import org.cetdialogue.tracker.gateway.projection.ProjectionController;
import org.cetdialogue.tracker.gateway.service.GatewayService;
import org.cetdialogue.tracker.query.CommitmentQueryService;
import org.cetdialogue.tracker.query.area.AreaStatusProjection;
import org.cetdialogue.tracker.query.commitment.CommitmentViewProjection;
import org.cetdialogue.tracker.query.funding.FundingTotalsProjection;
import org.cetdialogue.tracker.query.history.HistoryProjection;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The three services of the Axon Server deployment, each started as its own application with its Axon Server
 * settings, pointed at an address where no Axon Server listens: the connector's beans are there, the embedded event
 * store is not, and each service holds its own components and no one else's. Nothing connects (connection is
 * asynchronous and retried), which is all a machine without Docker and Axon Server can check.
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

    @Test
    void commandServiceHoldsTheAggregateOnAxonServer() {
        try (ConfigurableApplicationContext context = CommitmentCommandService.start(arguments("command"))) {
            assertConnectedToAxonServer(context);
            assertThat(context.getEnvironment().getProperty("axon.axonserver.component-name"))
                    .isEqualTo("commitment-command");
            assertThat(context.getBeanNamesForType(Commitment.class)).isNotEmpty();
            assertThat(context.getBean("commitmentRepository")).isNotNull();
            assertAbsent(context, CommitmentViewProjection.class, CommitmentCommandController.class);
        }
    }

    @Test
    void queryServiceHoldsTheProjectionsOnAxonServer() {
        try (ConfigurableApplicationContext context = CommitmentQueryService.start(arguments("query"))) {
            assertConnectedToAxonServer(context);
            assertThat(context.getEnvironment().getProperty("axon.axonserver.component-name"))
                    .isEqualTo("commitment-query");
            for (Class<?> projection : new Class<?>[] {
                CommitmentViewProjection.class,
                AreaStatusProjection.class,
                FundingTotalsProjection.class,
                HistoryProjection.class
            }) {
                assertThat(context.getBeanNamesForType(projection))
                        .as(projection.getSimpleName())
                        .hasSize(1);
            }
            assertAbsent(context, Commitment.class, CommitmentCommandController.class);
        }
    }

    @Test
    void gatewayServiceHoldsTheHttpApiAndNeitherSide() {
        // a production profile: no demo users, so the wiring check signs a site user in
        String[] withAUser = Stream.concat(
                        Arrays.stream(arguments("gateway")),
                        Stream.of(
                                "--tracker.security.users[0].username=site-viewer",
                                "--tracker.security.users[0].password-hash="
                                        + new BCryptPasswordEncoder(4).encode("a site's own password"),
                                "--tracker.security.users[0].role=VIEWER",
                                "--tracker.security.users[0].side=US"))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = GatewayService.start(withAUser)) {
            assertConnectedToAxonServer(context);
            assertThat(context.getEnvironment().getProperty("axon.axonserver.component-name"))
                    .isEqualTo("api-gateway");
            assertThat(context.getBeanNamesForType(CommitmentCommandController.class))
                    .hasSize(1);
            assertThat(context.getBeanNamesForType(ProjectionController.class)).hasSize(1);
            assertAbsent(context, Commitment.class, CommitmentViewProjection.class, HistoryProjection.class);
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
