package org.cetdialogue.tracker.query.audit.asof;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cetdialogue.tracker.api.audit.AreaAsOf;
import org.cetdialogue.tracker.api.audit.AreasAsOf;
import org.cetdialogue.tracker.api.audit.CommitmentAsOf;
import org.cetdialogue.tracker.api.audit.FundingAsOf;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.Assessment;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvents;
import org.cetdialogue.tracker.api.commitment.CorrectableEntry;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.ProposalEvent;
import org.cetdialogue.tracker.api.funding.FundingStage;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.cetdialogue.tracker.query.lifecycle.Progress;
import org.springframework.stereotype.Component;

/**
 * The record as of any date, bitemporally, folded from the events (no stored daily copies): only the events recorded
 * by the recorded instant are known; the corrections among them are applied to the events they name; of the facts
 * then known, those effective by the effective date count, in the order they were recorded, through the same
 * lifecycle rules ({@link Progress}) as the projections.
 */
@Component
public class AsOfHistory {

    private static final ObjectMapper STORED = MessageJson.newObjectMapper();

    private final StoredEvents events;

    public AsOfHistory(StoredEvents events) {
        this.events = events;
    }

    public Optional<CommitmentAsOf> commitment(String commitmentId, LocalDate effectiveOn, Instant recordedBy) {
        Fold fold = new Fold(commitmentId);
        events.ofAggregate(commitmentId).forEach(event -> fold.add(event, recordedBy));
        return fold.result(effectiveOn, recordedBy);
    }

    /** Every area; the events are read in global order from the event store and folded per commitment. */
    public AreasAsOf areas(LocalDate effectiveOn, Instant recordedBy) {
        Map<String, Fold> folds = new LinkedHashMap<>();
        events.forEach(StoredEvents.FROM_THE_START, StoredEvents.TO_THE_HEAD, event -> {
            folds.computeIfAbsent(event.aggregateIdentifier(), Fold::new).add(event, recordedBy);
            return true;
        });
        Map<Area, List<CommitmentAsOf>> byArea = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            byArea.put(area, new ArrayList<>());
        }
        folds.values()
                .forEach(fold -> fold.result(effectiveOn, recordedBy)
                        .ifPresent(c -> byArea.get(c.area()).add(c)));
        List<AreaAsOf> areas = new ArrayList<>();
        byArea.forEach((area, commitments) -> {
            Map<LifecycleStatus, Integer> byStatus = new EnumMap<>(LifecycleStatus.class);
            Map<Assessment, Integer> byAssessment = new EnumMap<>(Assessment.class);
            Map<String, Totals> funding = new TreeMap<>();
            for (CommitmentAsOf commitment : commitments) {
                byStatus.merge(commitment.status(), 1, Integer::sum);
                byAssessment.merge(commitment.assessment(), 1, Integer::sum);
                for (FundingAsOf line : commitment.funding()) {
                    funding.computeIfAbsent(line.currency(), Totals::new).add(line);
                }
            }
            areas.add(new AreaAsOf(
                    area,
                    commitments.size(),
                    byStatus,
                    byAssessment,
                    funding.values().stream().map(t -> t.result(null)).toList(),
                    commitments.stream()
                            .map(CommitmentAsOf::commitmentId)
                            .sorted()
                            .toList()));
        });
        return new AreasAsOf(effectiveOn, recordedBy, areas);
    }

    /** The known events of one commitment. */
    private static final class Fold {

        private final String commitmentId;
        private final Map<Long, Fact> facts = new TreeMap<>();
        private final List<Long> corrections = new ArrayList<>();

        Fold(String commitmentId) {
            this.commitmentId = commitmentId;
        }

        void add(StoredEvent stored, Instant recordedBy) {
            if (recordedBy != null && Instant.parse(stored.timeStamp()).isAfter(recordedBy)) {
                return;
            }
            CommitmentEvent event = decode(stored);
            if (event == null) {
                return;
            }
            if (event instanceof EntryCorrectedEvent corrected) {
                corrections.add(stored.sequenceNumber());
                facts.computeIfPresent(corrected.correctedSequence(), (sequence, fact) -> fact.correctedBy(corrected));
            } else {
                event.correctableEntry().ifPresent(entry -> facts.put(stored.sequenceNumber(), new Fact(event, entry)));
            }
        }

        Optional<CommitmentAsOf> result(LocalDate effectiveOn, Instant recordedBy) {
            Progress progress = null;
            Area area = null;
            String titleEn = null;
            String titleKo = null;
            List<Long> basis = new ArrayList<>();
            Map<List<String>, Totals> funding = new LinkedHashMap<>();
            for (Map.Entry<Long, Fact> entry : facts.entrySet()) {
                Fact fact = entry.getValue();
                CorrectedFields values = fact.entry.values();
                if (effectiveOn != null
                        && values.effectiveOn() != null
                        && values.effectiveOn().isAfter(effectiveOn)) {
                    continue;
                }
                if (fact.event instanceof ProposalEvent proposal) {
                    area = proposal.area();
                }
                if (area == null) {
                    continue;
                }
                if (fact.entry.isProposal()) {
                    titleEn = values.titleEn();
                    titleKo = values.titleKo();
                }
                progress = progress == null ? Progress.PROPOSED : progress.next(fact.event);
                if (fact.entry.isFunding()) {
                    funding.computeIfAbsent(
                                    List.of(fact.entry.funder(), values.amount().currency()),
                                    key -> new Totals(key.get(1)))
                            .add(fact.entry.stage(), values.amount());
                }
                basis.add(entry.getKey());
            }
            if (progress == null) {
                return Optional.empty();
            }
            return Optional.of(new CommitmentAsOf(
                    commitmentId,
                    area,
                    effectiveOn,
                    recordedBy,
                    titleEn,
                    titleKo,
                    progress.status(),
                    progress.assessment(),
                    progress.milestones(),
                    funding.entrySet().stream()
                            .map(e -> e.getValue().result(e.getKey().get(0)))
                            .toList(),
                    basis,
                    List.copyOf(corrections)));
        }
    }

    /** A fact and its entry, with the corrections known so far applied. */
    private record Fact(CommitmentEvent event, CorrectableEntry entry) {

        Fact correctedBy(EntryCorrectedEvent correction) {
            return correction.after() == null ? this : new Fact(event, entry.correctedBy(correction.after()));
        }
    }

    /** Sums per stage in one currency. */
    private static final class Totals {

        private final String currency;
        private BigDecimal pledged = BigDecimal.ZERO;
        private BigDecimal committed = BigDecimal.ZERO;
        private BigDecimal disbursed = BigDecimal.ZERO;
        private boolean lowerBound;

        Totals(String currency) {
            this.currency = currency;
        }

        void add(FundingStage stage, Money amount) {
            switch (stage) {
                case PLEDGED -> pledged = pledged.add(amount.amount());
                case COMMITTED -> committed = committed.add(amount.amount());
                case DISBURSED -> disbursed = disbursed.add(amount.amount());
            }
            lowerBound |= amount.lowerBound();
        }

        void add(FundingAsOf line) {
            pledged = pledged.add(line.pledged());
            committed = committed.add(line.committed());
            disbursed = disbursed.add(line.disbursed());
            lowerBound |= line.lowerBound();
        }

        FundingAsOf result(String funder) {
            int scale = Currency.getInstance(currency).getDefaultFractionDigits();
            return new FundingAsOf(
                    funder,
                    currency,
                    pledged.setScale(scale),
                    committed.setScale(scale),
                    disbursed.setScale(scale),
                    lowerBound);
        }
    }

    private static CommitmentEvent decode(StoredEvent stored) {
        try {
            Class<?> type = Class.forName(CommitmentEvents.className(stored.payloadType()));
            if (!CommitmentEvent.class.isAssignableFrom(type)) {
                return null;
            }
            return (CommitmentEvent) STORED.readValue(stored.payload(), type);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event cannot be read: " + stored.eventIdentifier(), e);
        }
    }
}
