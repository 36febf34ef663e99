package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import org.abusedesk.account.Thresholds;
import org.abusedesk.local.Stack;
import org.abusedesk.statistics.RatePoint;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An account's rate over time from its mailings and counted complaints, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbRateHistoryIT {

    /** The ledger stamps each count with the time it counted: the history is read around now. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final StatisticsFixtures fixtures;
    private final DynamoDbRateHistory history;

    DynamoDbRateHistoryIT(Stack stack) {
        this.fixtures = new StatisticsFixtures(stack);
        this.history = new DynamoDbRateHistory(
                stack.aws().dynamoDb(),
                stack.ref("ComplaintsTable"),
                fixtures.mailings,
                Thresholds.DEFAULTS,
                Clock.systemUTC());
    }

    @Test
    void of_givesAPointAfterEachCountedComplaint_andAtEachDaysEnd_endingAt03Percent() {
        // GIVEN two form complaints and a signed mail complaint counted on a mailing of 1,000 recipients sent two
        // days ago, and a replay of the signed one, which counts nothing
        var mailing = fixtures.register("6001", "121120", 1_000, NOW.minus(Duration.ofDays(2)));
        var from = NOW.minus(Duration.ofDays(30));
        var first = fixtures.countForm(mailing, NOW.minus(Duration.ofHours(3)));
        fixtures.countForm(mailing, NOW.minus(Duration.ofHours(2)));
        fixtures.count(
                StatisticsFixtures.mailComplaint(
                        mailing.id(), NOW.minus(Duration.ofMinutes(50)), "a@example.net", Optional.of("sig-6001")),
                Optional.of(mailing.accountId()));
        fixtures.count(
                StatisticsFixtures.mailComplaint(
                        mailing.id(), NOW.minus(Duration.ofMinutes(40)), "b@example.net", Optional.of("sig-6001")),
                Optional.of(mailing.accountId()));
        // AND another account's complaint on its own mailing
        var other = fixtures.register("6002", "121121", 10, NOW.minus(Duration.ofDays(2)));
        fixtures.countForm(other, NOW.minus(Duration.ofHours(1)));

        // WHEN the last 30 days are read, up to a minute from now
        var points = history.of(mailing.accountId(), from, Instant.now().plus(Duration.ofMinutes(1)));

        // THEN the last point is after the third counted complaint: 3 of 1,000, 0.3 %; the rate rose by a tenth of a
        // percent with each (the replay has no point), and the days' ends before are there, 30 of them or 31 across
        // a change of the clocks, without the mailing's recipients until it was sent
        var last = points.get(points.size() - 1);
        assertThat(last.complaints()).isEqualTo(3);
        assertThat(last.recipients()).isEqualTo(1_000);
        assertThat(last.ratePercent()).isEqualByComparingTo("0.3000");
        assertThat(points.stream()
                        .map(p -> p.ratePercent().setScale(4).toPlainString())
                        .distinct())
                .containsExactly("0.0000", "0.1000", "0.2000", "0.3000");
        assertThat(points.stream()
                        .filter(p -> p.complaints() == 1)
                        .findFirst()
                        .orElseThrow()
                        .at())
                .isAfterOrEqualTo(first.receivedAt());
        assertThat(points.size()).isBetween(3 + 30, 3 + 31);
        assertThat(points.get(0).recipients()).isZero();
        assertThat(points).isSortedAccordingTo(Comparator.comparing(RatePoint::at));
    }
}
