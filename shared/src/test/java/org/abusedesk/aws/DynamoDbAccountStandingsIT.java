package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ComplaintRatePolicy;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChange;
import org.abusedesk.account.Thresholds;
import org.abusedesk.local.Stack;
import org.abusedesk.processing.EscalateAccount;
import org.abusedesk.statistics.AccountStanding;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The accounts nearest their thresholds, rated as the escalation rates them, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbAccountStandingsIT {

    private static final Instant NOW = Instant.parse("2026-08-20T10:00:00Z");

    private final StatisticsFixtures fixtures;
    private final DynamoDbAccountStandings standings;

    DynamoDbAccountStandingsIT(Stack stack) {
        this.fixtures = new StatisticsFixtures(stack);
        var escalation = new EscalateAccount(
                fixtures.accounts,
                fixtures.mailings,
                fixtures.complaints,
                new ComplaintRatePolicy(Thresholds.DEFAULTS),
                measurement -> {});
        this.standings = new DynamoDbAccountStandings(
                stack.aws().dynamoDb(),
                stack.ref("AccountsTable"),
                fixtures.accounts,
                escalation::statistics,
                Thresholds.DEFAULTS);
    }

    @Test
    void nearestThresholds_rateTheAccountsWithComplaintsInTheWindow_nearestFirst() {
        // GIVEN account 121100 with three form complaints on 1,000 recipients (0.3 %), FLAGGED by a person
        var flagged = fixtures.register("5001", "121100", 1_000, Instant.parse("2026-08-10T08:00:00Z"));
        for (int i = 0; i < 3; i++) {
            fixtures.countForm(flagged, Instant.parse("2026-08-11T08:00:00Z").plusSeconds(i));
        }
        assertThat(fixtures.accounts.changeStatus(new StatusChange(
                        flagged.accountId(),
                        AccountStatus.ACTIVE,
                        AccountStatus.FLAGGED,
                        Instant.parse("2026-08-11T09:00:00Z"),
                        "test",
                        "abuse-team@example.com",
                        new ComplaintStatistics(3, 0, 1_000, 0),
                        List.of())))
                .isTrue();
        // AND account 121101 with one complaint on 2,500 recipients (0.04 %, ACTIVE: WATCH at 0.05 % is near)
        var near = fixtures.register("5002", "121101", 2_500, Instant.parse("2026-08-10T08:00:00Z"));
        fixtures.countForm(near, Instant.parse("2026-08-12T08:00:00Z"));
        // AND account 121102 with one complaint on 100,000 recipients (0.001 %)
        var far = fixtures.register("5003", "121102", 100_000, Instant.parse("2026-08-10T08:00:00Z"));
        fixtures.countForm(far, Instant.parse("2026-08-12T09:00:00Z"));
        // AND account 121103 whose only complaint came 40 days ago, outside the window
        var old = fixtures.register("5004", "121103", 10, Instant.parse("2026-07-09T08:00:00Z"));
        fixtures.countForm(old, Instant.parse("2026-07-10T08:00:00Z"));

        // AND account 121110 with three complaints on 1,000 recipients too, not escalated yet
        var past = fixtures.register("5101", "121110", 1_000, Instant.parse("2026-08-18T08:00:00Z"));
        for (int i = 0; i < 3; i++) {
            fixtures.countForm(past, Instant.parse("2026-08-19T08:00:00Z").plusSeconds(i));
        }

        // WHEN the nearest are asked for
        var found = standings.nearestThresholds(10, NOW);

        // THEN the ACTIVE account at 0.3 % is first, past its thresholds' rates; the one at 0.04 % is next (a fifth of
        // WATCH to go), then the far one; the FLAGGED one at
        // 0.3 % of unverified complaints is a whole PAUSED threshold away; the old one is not there
        assertThat(found)
                .extracting(s -> s.accountId().value())
                .containsExactly("121110", "121101", "121102", "121100");
        assertThat(found.get(0).statistics()).isEqualTo(new ComplaintStatistics(3, 0, 1_000, 0));
        assertThat(found.get(0).ratePercent()).isEqualByComparingTo("0.3000");
        assertThat(found.get(3))
                .isEqualTo(new AccountStanding(
                        flagged.accountId(),
                        AccountStatus.FLAGGED,
                        new ComplaintStatistics(3, 0, 1_000, 0),
                        new BigDecimal("0.3000")));
        assertThat(found.get(1).ratePercent()).isEqualByComparingTo("0.04");
        assertThat(standings.nearestThresholds(2, NOW))
                .extracting(AccountStanding::accountId)
                .containsExactly(past.accountId(), near.accountId());
    }
}
