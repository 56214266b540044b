package org.cetdialogue.tracker.gateway.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.query.CommitmentVersion;
import org.cetdialogue.tracker.api.query.FindCommitmentVersionQuery;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;
import org.cetdialogue.tracker.gateway.commitment.SignMouRequest;
import org.cetdialogue.tracker.gateway.seed.FactSheet.SeedCommitment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the commitments of the fact sheet on start, through the same commands the API sends (mapped from the same
 * request records), recorded by the seed user {@value #SEED_USER}: nobody is signed in on the start-up thread, so the
 * command gateway keeps the author the seed names in its metadata. Each commitment's steps (proposal, signature, pledges) are events 0, 1, 2… of its stream:
 * a step whose sequence number is already stored is skipped, so loading again changes nothing and an interrupted
 * load resumes where it stopped.
 *
 * <p>Several instances sharing one database may seed at the same moment: every step after the first carries the
 * version it expects ({@code sequence - 1}) and the first is protected by the unique (aggregate, sequence) index, so
 * the instance that loses a race gets a conflict, reads the stored sequence again and continues after it. No step is
 * ever recorded twice.
 */
@Component
@ConditionalOnProperty(name = "tracker.seed.enabled", havingValue = "true", matchIfMissing = true)
public class FactSheetSeeder implements ApplicationRunner {

    static final String SEED_USER = "fact-sheet-seed";
    static final String RESOURCE = "seed/fact-sheet-2023-12-08.json";
    private static final int MAX_CONFLICTS = 10;
    private static final Logger log = LoggerFactory.getLogger(FactSheetSeeder.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public FactSheetSeeder(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        FactSheet factSheet = read();
        AuditMetadata metadata = new AuditMetadata(
                SEED_USER, "US", "SEED", "seed-fact-sheet-2023-12-08", "Loaded from " + factSheet.source());
        int sent = 0;
        for (SeedCommitment commitment : factSheet.commitments()) {
            List<Object> steps = steps(commitment);
            int conflicts = 0;
            long stored;
            while ((stored = storedSequence(commitment)) + 1 < steps.size()) {
                try {
                    commands.sendAndWait(steps.get((int) stored + 1), metadata.toMetaData());
                    sent++;
                } catch (RuntimeException e) {
                    if (!recordedByAnother(e, stored, storedSequence(commitment)) || ++conflicts > MAX_CONFLICTS) {
                        throw e;
                    }
                    log.info("Fact sheet seed: {} was recorded concurrently, continuing", commitment.commitmentId());
                }
            }
        }
        log.info(
                "Fact sheet seed: {} commitments, {} new commands",
                factSheet.commitments().size(),
                sent);
    }

    private long storedSequence(SeedCommitment commitment) {
        return queries.query(new FindCommitmentVersionQuery(commitment.commitmentId()), CommitmentVersion.class)
                .join()
                .version();
    }

    /**
     * Whether a step refused with {@code e} was recorded by another writer: the refusal names a conflict, or the
     * stored sequence moved past {@code storedBefore} meanwhile. The second covers a lifecycle rule the other
     * instance's step now breaks ({@code MOU_ALREADY_SIGNED}): the aggregate decides before the expected version is
     * checked, so a step that lost the race may be refused by a rule rather than as a conflict.
     */
    static boolean recordedByAnother(Throwable e, long storedBefore, long storedNow) {
        return isConcurrentSeed(e) || storedNow > storedBefore;
    }

    /** Another writer (another instance's seed) recorded this step first. */
    static boolean isConcurrentSeed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
            if (t instanceof CommandExecutionException refused
                    && refused.getDetails()
                            .filter(RuleViolation.class::isInstance)
                            .map(d -> ((RuleViolation) d).code())
                            .filter(code -> code == RuleCode.VERSION_CONFLICT || code == RuleCode.COMMITMENT_EXISTS)
                            .isPresent()) {
                return true;
            }
        }
        return false;
    }

    static FactSheet read() throws IOException {
        ObjectMapper mapper = MessageJson.newObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return mapper.readValue(in, FactSheet.class);
        }
    }

    /**
     * The commands that record one commitment as the fact sheet states it, in order, mapped from the same requests as
     * the API's; each after the first expects the version the one before it produced.
     */
    static List<Object> steps(SeedCommitment c) {
        List<Object> steps = new ArrayList<>();
        steps.add(c.proposal().toCommand());
        if (c.kind() == CommitmentKind.MOU && c.signedOn() != null) {
            steps.add(new SignMouRequest(c.signedOn()).toCommand(c.commitmentId(), steps.size() - 1L));
        }
        for (FactSheet.SeedPledge pledge : c.pledges()) {
            steps.add(pledge.request().as(FundingStage.PLEDGED).toCommand(c.commitmentId(), steps.size() - 1L));
        }
        return steps;
    }
}
