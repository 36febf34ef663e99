package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.abusedesk.complaint.Channel;
import org.abusedesk.local.Stack;
import org.abusedesk.statistics.DailyComplaints;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Complaints per day and channel, counted by the real ledger, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbComplaintTalliesIT {

    private final StatisticsFixtures fixtures;
    private final DynamoDbComplaintTallies tallies;

    DynamoDbComplaintTalliesIT(Stack stack) {
        this.fixtures = new StatisticsFixtures(stack);
        this.tallies = new DynamoDbComplaintTallies(stack.aws().dynamoDb(), stack.ref("AccountsTable"));
    }

    @Test
    void days_giveTheFormComplaintsCountedOnAMailing_onTheirDay_andZeroAround() {
        // GIVEN three form complaints counted on a mailing of 1,000 recipients, received on 10 June 2026
        var mailing = fixtures.register("3001", "121080", 1_000, Instant.parse("2026-06-09T08:00:00Z"));
        fixtures.countForm(mailing, Instant.parse("2026-06-10T08:00:00Z"));
        fixtures.countForm(mailing, Instant.parse("2026-06-10T09:00:00Z"));
        fixtures.countForm(mailing, Instant.parse("2026-06-10T10:00:00Z"));

        // WHEN 9 to 11 June are read
        var days = tallies.days(LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 11));

        // THEN 10 June has 3 form complaints and no mailed one, the days around none
        assertThat(days)
                .extracting(DailyComplaints::day)
                .containsExactly(LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 11));
        assertThat(days.get(1).count(Channel.FORM)).isEqualTo(3);
        assertThat(days.get(1).count(Channel.MAIL)).isZero();
        assertThat(days.get(0).total()).isZero();
        assertThat(days.get(2).total()).isZero();
    }

    @Test
    void days_bucketByBerlinMidnight_andCountNoReplayAndNoSecondCounting() {
        // GIVEN mailed complaints at 23:59:59 and 00:00:00 Berlin time (winter, UTC+1) of 14 to 15 January 2026,
        // across mailings (so across tally shards), and a replay of the first one's signed message
        var first = fixtures.register("3101", "121081", 1_000, Instant.parse("2026-01-13T08:00:00Z"));
        var second = fixtures.register("3102", "121081", 1_000, Instant.parse("2026-01-13T08:00:00Z"));
        var signed = StatisticsFixtures.mailComplaint(
                first.id(), Instant.parse("2026-01-14T22:59:59Z"), "a@example.net", Optional.of("sig-3101"));
        fixtures.count(signed, Optional.of(first.accountId()));
        fixtures.count(
                StatisticsFixtures.mailComplaint(
                        second.id(), Instant.parse("2026-01-14T23:00:00Z"), "b@example.net", Optional.empty()),
                Optional.of(second.accountId()));
        fixtures.count(
                StatisticsFixtures.mailComplaint(
                        first.id(), Instant.parse("2026-01-14T23:30:00Z"), "c@example.net", Optional.of("sig-3101")),
                Optional.of(first.accountId()));

        // WHEN the first is counted once more, as a redelivered message would
        assertThat(fixtures.ledger.count(signed, Optional.of(first.accountId())))
                .isFalse();

        // THEN 14 January has one mailed complaint, 15 January one: the replay and the second try count nothing
        var days = tallies.days(LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 15));
        assertThat(days.get(0).count(Channel.MAIL)).isEqualTo(1);
        assertThat(days.get(1).count(Channel.MAIL)).isEqualTo(1);
        assertThat(days.get(1).count(Channel.FORM)).isZero();
    }
}
