package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.local.Stack;
import org.abusedesk.statistics.CsaCaseDue;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Open cases and the CSA's deadlines, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbCaseWorkloadIT {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private final StatisticsFixtures fixtures;
    private final DynamoDbCaseWorkload workload;

    DynamoDbCaseWorkloadIT(Stack stack) {
        this.fixtures = new StatisticsFixtures(stack);
        this.workload = new DynamoDbCaseWorkload(
                stack.aws().dynamoDb(),
                stack.ref("ComplaintsTable"),
                stack.ref("AccountsTable"),
                Duration.ofDays(180),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void openCases_countTheCountedComplaints_withTheOldestsTime_andCsaCasesComeByDeadline() {
        // GIVEN three form complaints counted on a mailing of 1,000 recipients
        var mailing = fixtures.register("4001", "121090", 1_000, Instant.parse("2026-11-20T08:00:00Z"));
        var oldest = fixtures.countForm(mailing, Instant.parse("2026-11-25T08:15:00.123Z"));
        fixtures.countForm(mailing, Instant.parse("2026-11-26T08:00:00Z"));
        fixtures.countForm(mailing, Instant.parse("2026-11-27T08:00:00Z"));

        // WHEN / THEN three are open, the oldest received when the first was
        var open = workload.openCases();
        assertThat(open.count()).isEqualTo(3);
        assertThat(open.oldestReceivedAt()).contains(oldest.receivedAt());
        assertThat(workload.csaCasesDue(10)).isEmpty();

        // GIVEN the CSA forwards one on Friday 27 November and one on Thursday 26 November (both DMARC passed),
        // another forward of Wednesday was resolved, and a person's mail came in from elsewhere
        var friday = fixtures.count(
                StatisticsFixtures.mailComplaint(
                        mailing.id(),
                        Instant.parse("2026-11-27T15:00:00Z"),
                        "complaints@certified-senders.org",
                        Optional.empty()),
                Optional.of(mailing.accountId()));
        var thursday = fixtures.count(
                StatisticsFixtures.mailComplaint(
                        mailing.id(),
                        Instant.parse("2026-11-26T15:00:00Z"),
                        "complaints@certified-senders.org",
                        Optional.empty()),
                Optional.of(mailing.accountId()));
        var resolved = fixtures.count(
                StatisticsFixtures.mailComplaint(
                        mailing.id(),
                        Instant.parse("2026-11-25T15:00:00Z"),
                        "complaints@certified-senders.org",
                        Optional.empty()),
                Optional.of(mailing.accountId()));
        assertThat(fixtures.complaints.advance(resolved.key(), ComplaintState.COUNTED, ComplaintState.RESOLVED))
                .isTrue();
        fixtures.count(
                StatisticsFixtures.mailComplaint(
                        mailing.id(), Instant.parse("2026-11-26T16:00:00Z"), "max@example.net", Optional.empty()),
                Optional.of(mailing.accountId()));

        // WHEN / THEN the two open CSA cases come, Thursday's (due by Monday's end) before Friday's (Tuesday's)
        var due = workload.csaCasesDue(10);
        assertThat(due).extracting(CsaCaseDue::key).containsExactly(thursday.key(), friday.key());
        assertThat(due.get(0).receivedAt()).isEqualTo(thursday.receivedAt());
        assertThat(due.get(0).deadline().lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(due.get(1).deadline().lastDay()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(workload.csaCasesDue(1)).extracting(CsaCaseDue::key).containsExactly(thursday.key());
        // AND the open cases are now six: the three, the two forwards and the person's mail
        assertThat(workload.openCases().count()).isEqualTo(6);
        assertThat(workload.openCases().oldestReceivedAt()).contains(oldest.receivedAt());
    }
}
