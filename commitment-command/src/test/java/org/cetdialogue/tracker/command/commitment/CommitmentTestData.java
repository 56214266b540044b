package org.cetdialogue.tracker.command.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentCompletedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.Country;
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
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Shared givens: two commitments from the fact sheet, a fixed clock and a matcher for refusals. */
final class CommitmentTestData {

    /** Noon in Seoul (03:00 UTC) on 14 June 2024; "today" for every rule is 2024-06-14. */
    static final Instant NOW = Instant.parse("2024-06-14T03:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);

    static final String MOU_ID = "bio-lbnl-kribb-biofoundry-mou";
    static final String PROGRAM_ID = "bio-nsf-msit-bioeconomy-rd";

    static final String MOU_TITLE_EN = "LBNL-KRIBB MOU on biofoundry cooperation";
    static final String MOU_TITLE_KO = "LBNL-KRIBB 바이오파운드리 협력 양해각서";
    static final String PROGRAM_TITLE_EN = "NSF-MSIT bioeconomy R&D cooperation";
    static final String PROGRAM_TITLE_KO = "NSF-과기정통부 바이오경제 공동연구";
    static final String CITATION = "Joint fact sheet, 2023-12-08";

    static final List<Party> MOU_PARTIES = List.of(
            new Party("Lawrence Berkeley National Laboratory", "로렌스버클리국립연구소", Country.US, PartyRole.SIGNATORY),
            new Party(
                    "Korea Research Institute of Bioscience and Biotechnology",
                    "한국생명공학연구원",
                    Country.ROK,
                    PartyRole.SIGNATORY));

    static final List<Party> PROGRAM_PARTIES = List.of(
            new Party("National Science Foundation", "미국 국립과학재단", Country.US, PartyRole.FUNDER),
            new Party("Ministry of Science and ICT", "과학기술정보통신부", Country.ROK, PartyRole.LEAD));

    static final LocalDate MOU_PROPOSED_ON = LocalDate.of(2023, 4, 20);
    static final LocalDate MOU_SIGNED_ON = LocalDate.of(2023, 4, 26);
    static final LocalDate PROGRAM_ANNOUNCED_ON = LocalDate.of(2023, 12, 8);
    static final LocalDate PROGRAM_TARGET = LocalDate.of(2028, 12, 31);
    static final LocalDate LAUNCHED_ON = LocalDate.of(2024, 3, 1);

    static final String NSF = "National Science Foundation";
    static final String MSIT = "Ministry of Science and ICT";

    private CommitmentTestData() {}

    static FixtureConfiguration<Commitment> fixture(Clock clock) {
        FixtureConfiguration<Commitment> fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new RecordedEntries(fixture.getEventStore()));
        return fixture;
    }

    // ---- the MOU: LBNL-KRIBB biofoundry ----

    static MouProposedEvent mouProposed() {
        return new MouProposedEvent(
                MOU_ID,
                Area.BIOTECHNOLOGY,
                MOU_TITLE_EN,
                MOU_TITLE_KO,
                MOU_PARTIES,
                CITATION,
                LocalDate.of(2023, 6, 30),
                MOU_PROPOSED_ON);
    }

    static MouSignedEvent mouSigned() {
        return new MouSignedEvent(MOU_ID, MOU_SIGNED_ON);
    }

    // ---- the program: NSF-MSIT bioeconomy R&D ----

    static CommitmentProposedEvent programProposed() {
        return new CommitmentProposedEvent(
                PROGRAM_ID,
                Area.BIOTECHNOLOGY,
                CommitmentKind.PROGRAM,
                PROGRAM_TITLE_EN,
                PROGRAM_TITLE_KO,
                PROGRAM_PARTIES,
                CITATION,
                PROGRAM_TARGET,
                PROGRAM_ANNOUNCED_ON);
    }

    static ProgramLaunchedEvent launched(String id) {
        return new ProgramLaunchedEvent(id, LAUNCHED_ON, "First call for proposals opened");
    }

    static ImplementationStartedEvent implementing(String id) {
        return new ImplementationStartedEvent(id, LocalDate.of(2024, 4, 1), null);
    }

    static CommitmentSuspendedEvent suspended(String id, LifecycleStatus from) {
        return new CommitmentSuspendedEvent(id, LocalDate.of(2024, 5, 2), from, "Budget under review");
    }

    static CommitmentResumedEvent resumed(String id, LifecycleStatus to) {
        return new CommitmentResumedEvent(id, LocalDate.of(2024, 5, 20), to, "Budget approved");
    }

    static CommitmentCompletedEvent completed(String id) {
        return new CommitmentCompletedEvent(id, LocalDate.of(2024, 6, 1), "Final report delivered");
    }

    static CommitmentCancelledEvent cancelled(String id) {
        return new CommitmentCancelledEvent(id, LocalDate.of(2024, 6, 1), "Superseded by a broader agreement");
    }

    static MilestoneRecordedEvent milestone(String id) {
        return new MilestoneRecordedEvent(id, "Twelve joint projects selected", LocalDate.of(2024, 5, 10));
    }

    static FundingPledgedEvent pledged(String id) {
        return new FundingPledgedEvent(id, NSF, Money.atLeast("10000000", "USD"), LocalDate.of(2024, 1, 1));
    }

    static FundingCommittedEvent committed(String id) {
        return new FundingCommittedEvent(id, MSIT, Money.of("13000000000", "KRW"), LocalDate.of(2024, 7, 1));
    }

    static FundingDisbursedEvent disbursed(String id) {
        return new FundingDisbursedEvent(id, NSF, Money.of("2500000", "USD"), LocalDate.of(2024, 5, 15));
    }

    /** Matches a {@link CommitmentRuleViolationException} carrying {@code code}. */
    static Matcher<Throwable> violationOf(RuleCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof CommitmentRuleViolationException violation && violation.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("a CommitmentRuleViolationException with code ")
                        .appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText("was ").appendValue(item);
                if (item instanceof CommitmentRuleViolationException violation) {
                    mismatch.appendText(" with code ").appendValue(violation.code());
                }
            }
        };
    }
}
