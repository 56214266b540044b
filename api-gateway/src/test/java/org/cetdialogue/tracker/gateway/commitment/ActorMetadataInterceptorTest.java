package org.cetdialogue.tracker.gateway.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.gateway.security.CurrentActor;
import org.cetdialogue.tracker.gateway.security.TrackerUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who a command is recorded as: the caller signed in on the sending thread, or the in-process writer it names. */
class ActorMetadataInterceptorTest {

    private static final SignMouCommand SIGN =
            new SignMouCommand("quantum-nist-kriss-mou", LocalDate.of(2024, 3, 1), 2L);

    private final ActorMetadataInterceptor interceptor = new ActorMetadataInterceptor(new CurrentActor());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCallerTheirSideAndRolesAreAddedToTheWritesCorrelationIdAndReason() {
        signIn("rok-secretariat", Country.ROK, "ROLE_SECRETARIAT", "ROLE_VIEWER");

        MetaData metadata = dispatch(
                MetaData.with(AuditMetadata.CORRELATION_ID, "c0ffee-42").and(AuditMetadata.REASON, "funding paused"));

        assertThat(metadata)
                .isEqualTo(Map.of(
                        "username", "rok-secretariat",
                        "side", "ROK",
                        "roles", "SECRETARIAT,VIEWER",
                        "correlationId", "c0ffee-42",
                        "reason", "funding paused"));
    }

    @Test
    void theAuthorIsTheCallerWhateverTheMessageSays() {
        signIn("us-secretariat", Country.US, "ROLE_SECRETARIAT");

        MetaData metadata = dispatch(MetaData.with(AuditMetadata.USERNAME, "someone-else")
                .and(AuditMetadata.SIDE, "ROK")
                .and(AuditMetadata.ROLES, "ADMIN")
                .and(AuditMetadata.CORRELATION_ID, "c1"));

        assertThat(metadata)
                .isEqualTo(Map.of(
                        "username", "us-secretariat", "side", "US", "roles", "SECRETARIAT", "correlationId", "c1"));
    }

    @Test
    void aBlankReasonIsLeftOutAndAMissingCorrelationIdIsNew() {
        signIn("us-secretariat", Country.US, "ROLE_SECRETARIAT");

        MetaData metadata = dispatch(MetaData.with(AuditMetadata.REASON, "   "));

        assertThat(metadata).doesNotContainKey(AuditMetadata.REASON);
        String correlationId = (String) metadata.get(AuditMetadata.CORRELATION_ID);
        assertThat(UUID.fromString(correlationId)).hasToString(correlationId);
    }

    @Test
    void withNobodySignedInAWriterThatNamesItselfIsKept() {
        MetaData seed =
                new AuditMetadata("fact-sheet-seed", "US", "SEED", "seed-fact-sheet-2023-12-08", "Loaded").toMetaData();

        assertThat(dispatch(seed)).isEqualTo(seed);
    }

    @Test
    void withNobodySignedInAnUnattributedCommandIsRefused() {
        assertThatThrownBy(() -> dispatch(MetaData.with(AuditMetadata.CORRELATION_ID, "c1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no authenticated caller");
    }

    @Test
    void theGatewayAttributesOnceSoARetryFromTheRetryThreadKeepsTheCaller() throws Exception {
        signIn("us-secretariat", Country.US, "ROLE_SECRETARIAT");
        List<MetaData> handled = new CopyOnWriteArrayList<>();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(SignMouCommand.class.getName(), message -> {
            handled.add(message.getMetaData());
            if (handled.size() == 1) {
                throw new ConcurrencyException("another writer took sequence 3");
            }
            return 3L;
        });
        CommandRetryConfiguration configuration = new CommandRetryConfiguration();
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
        try {
            CommandGateway gateway = configuration.commandGateway(
                    bus, CommandRetryConfiguration.retryScheduler(retries, 3, 1), interceptor);

            Object version = gateway.sendAndWait(SIGN, MetaData.with(AuditMetadata.CORRELATION_ID, "c2"));

            assertThat(version).isEqualTo(3L);
            assertThat(handled)
                    .hasSize(2)
                    .allSatisfy(metadata -> assertThat(metadata)
                            .containsEntry("username", "us-secretariat")
                            .containsEntry("correlationId", "c2"));
        } finally {
            retries.shutdownNow();
        }
    }

    private MetaData dispatch(MetaData metadata) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(SIGN).andMetaData(metadata);
        CommandMessage<?> sent = interceptor.handle(message);
        assertThat(sent.getPayload()).isEqualTo(SIGN);
        return sent.getMetaData();
    }

    private static void signIn(String username, Country side, String... roles) {
        TrackerUser user = new TrackerUser(username, "", side, AuthorityUtils.createAuthorityList(roles));
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
