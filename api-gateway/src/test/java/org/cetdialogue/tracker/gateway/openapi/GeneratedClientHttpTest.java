package org.cetdialogue.tracker.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cetdialogue.tracker.contract.client.ApiClient;
import org.cetdialogue.tracker.contract.client.api.ProjectionsApi;
import org.cetdialogue.tracker.contract.client.api.RecordMilestonesApi;
import org.cetdialogue.tracker.contract.client.model.CommandResult;
import org.cetdialogue.tracker.contract.client.model.CommitmentView;
import org.cetdialogue.tracker.contract.client.model.FundingRequest;
import org.cetdialogue.tracker.contract.client.model.LaunchProgramRequest;
import org.cetdialogue.tracker.contract.client.model.PartyRequest;
import org.cetdialogue.tracker.contract.client.model.ProblemDetail;
import org.cetdialogue.tracker.contract.client.model.ProblemFieldError;
import org.cetdialogue.tracker.contract.client.model.ProposeCommitmentRequest;
import org.cetdialogue.tracker.contract.client.model.RecordMilestoneRequest;
import org.cetdialogue.tracker.contract.client.model.SignMouRequest;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * A client generated from the committed contract ({@code docs/openapi.yaml}, by openapi-generator's Maven plugin into
 * {@code target/generated-test-sources/openapi}) drives the running tracker: what it sends and decodes is only what
 * the document says, so a document that drifts from the code fails here.
 */
@SharedTracker
class GeneratedClientHttpTest {

    private RecordMilestonesApi commands;
    private ProjectionsApi projections;

    @BeforeEach
    void connect(TrackerClient tracker) {
        commands = new RecordMilestonesApi(client(tracker, "us-secretariat"));
        projections = new ProjectionsApi(client(tracker, "viewer"));
    }

    /**
     * The generated client on a RestTemplate whose JSON mapper writes dates as the document's {@code format: date}
     * strings: Spring's default mapper, which the generated resttemplate client uses unless given its own, writes
     * {@code LocalDate} as an array, which the tracker rightly refuses.
     */
    private static ApiClient client(TrackerClient tracker, String user) {
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        RestTemplate rest = new RestTemplate();
        rest.getMessageConverters().removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
        rest.getMessageConverters().add(0, new MappingJackson2HttpMessageConverter(json));
        ApiClient client = new ApiClient(rest).setBasePath(tracker.baseUrl());
        client.setUsername(user);
        client.setPassword(user + "-demo");
        return client;
    }

    @Test
    void proposesSignsLaunchesRecordsAMilestoneAndAPledgeThroughTheDocumentedContract() {
        String id = "contract-client-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<CommandResult> proposed = commands.commitmentCommandProposeWithHttpInfo(mou(id), null, null);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(proposed.getHeaders().getLocation()).hasToString("/api/commitments/" + id);
        assertThat(proposed.getBody().getVersion()).isZero();

        CommandResult signed = commands.commitmentCommandSign(
                id, new SignMouRequest().signedOn(LocalDate.of(2024, 4, 15)), "\"0\"", "contract-test-1", null);
        assertThat(signed.getVersion()).isEqualTo(1);
        CommandResult launched = commands.commitmentCommandLaunch(
                id,
                new LaunchProgramRequest().launchedOn(LocalDate.of(2024, 5, 1)).note("first joint workshop"),
                "\"1\"",
                null,
                null);
        assertThat(launched.getVersion()).isEqualTo(2);
        CommandResult milestone = commands.commitmentCommandMilestone(
                id,
                new RecordMilestoneRequest()
                        .description("shared strain library opened")
                        .achievedOn(LocalDate.of(2024, 6, 20)),
                null,
                null,
                "contract-" + id + "-milestone");
        assertThat(milestone.getVersion()).isEqualTo(3);
        CommandResult pledged = commands.commitmentCommandPledge(
                id,
                new FundingRequest()
                        .funder("NSF")
                        .amount(new BigDecimal("10000000"))
                        .currency("USD")
                        .lowerBound(true)
                        .valueDate(LocalDate.of(2024, 1, 15)),
                null,
                null,
                null);
        assertThat(pledged.getVersion()).isEqualTo(4);

        // read your write: the documented minimum position makes the read wait for the pledge's event
        assertThat(pledged.getPosition()).isGreaterThan(milestone.getPosition());
        CommitmentView view = projections.projectionCommitment(id, pledged.getPosition(), null);
        assertThat(view.getVersion()).isEqualTo(4);
        assertThat(view.getStatus()).isEqualTo(CommitmentView.StatusEnum.LAUNCHED);
        assertThat(view.getSignedOn()).isEqualTo(LocalDate.of(2024, 4, 15));
        assertThat(view.getMilestones())
                .singleElement()
                .satisfies(m -> assertThat(m.getDescription()).isEqualTo("shared strain library opened"));
        assertThat(view.getFunding()).singleElement().satisfies(f -> {
            assertThat(f.getStage()).hasToString("PLEDGED");
            assertThat(f.getAmount().getAmount()).isEqualByComparingTo("10000000");
            assertThat(f.getAmount().getLowerBound()).isTrue();
        });
    }

    @Test
    void refusalsDecodeAsTheDocumentedProblemDetails() {
        String id = "contract-refusal-" + UUID.randomUUID().toString().substring(0, 8);
        commands.commitmentCommandPropose(mou(id), null, null);
        commands.commitmentCommandSign(id, new SignMouRequest().signedOn(LocalDate.of(2024, 4, 15)), null, null, null);

        ProblemDetail twice = problem(
                HttpStatus.CONFLICT,
                () -> commands.commitmentCommandSign(
                        id, new SignMouRequest().signedOn(LocalDate.of(2024, 4, 16)), null, null, null));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getRule()).isEqualTo(ProblemDetail.RuleEnum.MOU_ALREADY_SIGNED);
        assertThat(twice.getType()).isEqualTo("urn:cet-tracker:problem:rule");

        ProblemDetail stale = problem(
                HttpStatus.PRECONDITION_FAILED,
                () -> commands.commitmentCommandLaunch(
                        id, new LaunchProgramRequest().launchedOn(LocalDate.of(2024, 5, 1)), "\"0\"", null, null));
        assertThat(stale.getRule()).isEqualTo(ProblemDetail.RuleEnum.VERSION_CONFLICT);

        ProblemDetail invalid = problem(
                HttpStatus.BAD_REQUEST,
                () -> commands.commitmentCommandMilestone(
                        id, new RecordMilestoneRequest().description("no date"), null, null, null));
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getErrors()).extracting(ProblemFieldError::getField).containsExactly("achievedOn");
    }

    private static ProblemDetail problem(HttpStatus status, Runnable call) {
        HttpClientErrorException refused = catchThrowableOfType(HttpClientErrorException.class, call::run);
        assertThat(refused).as("refused with %s", status).isNotNull();
        assertThat(refused.getStatusCode()).isEqualTo(status);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return refused.getResponseBodyAs(ProblemDetail.class);
    }

    private static ProposeCommitmentRequest mou(String id) {
        return new ProposeCommitmentRequest()
                .commitmentId(id)
                .area(ProposeCommitmentRequest.AreaEnum.BIOTECHNOLOGY)
                .kind(ProposeCommitmentRequest.KindEnum.MOU)
                .titleEn("Biofoundry cooperation (contract test)")
                .titleKo("바이오파운드리 협력 (계약 시험)")
                .parties(List.of(
                        new PartyRequest()
                                .nameEn("Lawrence Berkeley National Laboratory")
                                .nameKo("로렌스버클리국립연구소")
                                .country(PartyRequest.CountryEnum.US)
                                .role(PartyRequest.RoleEnum.SIGNATORY),
                        new PartyRequest()
                                .nameEn("KRIBB")
                                .nameKo("한국생명공학연구원")
                                .country(PartyRequest.CountryEnum.ROK)
                                .role(PartyRequest.RoleEnum.SIGNATORY)))
                .announcedOn(LocalDate.of(2023, 12, 8));
    }
}
