package org.cetdialogue.tracker.gateway.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;
import org.junit.jupiter.api.Test;

/** The seed's protection against two instances seeding at once. */
class FactSheetSeederTest {

    @Test
    void everyStepAfterTheFirstExpectsTheVersionOfTheStepBeforeIt() throws Exception {
        FactSheet factSheet = FactSheetSeeder.read();
        int checked = 0;
        for (FactSheet.SeedCommitment commitment : factSheet.commitments()) {
            List<Object> steps = FactSheetSeeder.steps(commitment);
            for (int sequence = 1; sequence < steps.size(); sequence++) {
                Object step = steps.get(sequence);
                Long expected = step instanceof SignMouCommand sign
                        ? sign.expectedVersion()
                        : ((PledgeFundingCommand) step).expectedVersion();
                assertThat(expected)
                        .as(commitment.commitmentId() + " step " + sequence)
                        .isEqualTo(sequence - 1L);
                checked++;
            }
        }
        assertThat(checked).as("the fact sheet has signatures and pledges").isPositive();
    }

    @Test
    void aStepRecordedByAnotherInstanceIsAConcurrentSeedAndAStoreFailureIsNot() {
        assertThat(FactSheetSeeder.isConcurrentSeed(new ConcurrencyException("taken")))
                .isTrue();
        assertThat(FactSheetSeeder.isConcurrentSeed(new AggregateStreamCreationException("exists")))
                .isTrue();
        assertThat(FactSheetSeeder.isConcurrentSeed(new CommandExecutionException(
                        "stale", null, new RuleViolation(RuleCode.VERSION_CONFLICT, "stale"))))
                .isTrue();
        assertThat(FactSheetSeeder.isConcurrentSeed(new CommandExecutionException(
                        "signed", null, new RuleViolation(RuleCode.MOU_ALREADY_SIGNED, "signed"))))
                .isFalse();
        assertThat(FactSheetSeeder.isConcurrentSeed(new EventStoreException("down")))
                .isFalse();
    }

    @Test
    void aRuleBrokenBecauseAnotherInstanceRecordedTheStepMeanwhileIsAConcurrentSeed() {
        CommandExecutionException signed = new CommandExecutionException(
                "signed", null, new RuleViolation(RuleCode.MOU_ALREADY_SIGNED, "the MOU was already signed"));
        // the other instance signed between this one's read of the stored sequence (0) and its command
        assertThat(FactSheetSeeder.recordedByAnother(signed, 0, 1)).isTrue();
        // nothing moved: the refusal is the seed's own fault and stops the start
        assertThat(FactSheetSeeder.recordedByAnother(signed, 1, 1)).isFalse();
        assertThat(FactSheetSeeder.recordedByAnother(new EventStoreException("down"), 1, 1))
                .isFalse();
        assertThat(FactSheetSeeder.recordedByAnother(new ConcurrencyException("taken"), 1, 1))
                .isTrue();
    }
}
