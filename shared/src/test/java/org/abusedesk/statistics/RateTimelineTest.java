package org.abusedesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.registration.Mailing;
import org.junit.jupiter.api.Test;

class RateTimelineTest {

    private static final AccountId ACCOUNT = new AccountId("121070");
    private final RateTimeline timeline = new RateTimeline(Duration.ofDays(30));

    @Test
    void points_atEachDaysEndAndAfterEachCountedComplaint_withTheMailingsCountsAsKept() {
        // GIVEN a mailing to 1,000 sent on 1 March, with complaints counted on 2 March at 10:00 and 3 March at 09:00
        var mailing = mailing("1001", "2026-03-01T08:00:00Z", 1_000);
        var counted = List.of(
                new RateTimeline.Counted(mailing.id(), Instant.parse("2026-03-02T10:00:00Z"), 1, 0),
                new RateTimeline.Counted(mailing.id(), Instant.parse("2026-03-03T09:00:00Z"), 2, 1));

        // WHEN the points from 1 March 12:00 to 3 March 12:00 UTC are computed
        var points = timeline.points(
                List.of(mailing),
                counted,
                Instant.parse("2026-03-01T12:00:00Z"),
                Instant.parse("2026-03-03T12:00:00Z"));

        // THEN Berlin's midnights (23:00 UTC in winter) and the complaints' moments are there, in order
        assertThat(points)
                .containsExactly(
                        point("2026-03-01T23:00:00Z", 0, 1_000, "0.0000"),
                        point("2026-03-02T10:00:00Z", 1, 1_000, "0.1000"),
                        point("2026-03-02T23:00:00Z", 1, 1_000, "0.1000"),
                        point("2026-03-03T09:00:00Z", 2, 1_000, "0.2000"));
    }

    @Test
    void points_leaveOutAMailingOnceItsSendingIsOlderThanTheWindow_andMailingsWithoutRecipients() {
        // GIVEN a mailing to 1,000 sent on 1 January with 3 complaints, one to 2,000 sent on 20 January with none,
        // and one without a recipient count with 9
        var old = mailing("2001", "2026-01-01T08:00:00Z", 1_000);
        var recent = mailing("2002", "2026-01-20T08:00:00Z", 2_000);
        var uncounted = new Mailing(
                new MailingId("2003"),
                ACCOUNT,
                OptionalLong.empty(),
                Instant.parse("2026-01-20T08:00:00Z"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                9,
                0);
        var counted = List.of(
                new RateTimeline.Counted(old.id(), Instant.parse("2026-01-02T08:00:00Z"), 3, 0),
                new RateTimeline.Counted(uncounted.id(), Instant.parse("2026-01-21T08:00:00Z"), 9, 0));

        // WHEN the points of 30 January and of 31 January (the first 30 days after 1 January 08:00) are computed
        var points = timeline.points(
                List.of(old, recent, uncounted),
                counted,
                Instant.parse("2026-01-30T12:00:00Z"),
                Instant.parse("2026-01-31T23:00:00Z"));

        // THEN on 30 January's end both count: 3 on 3,000; at 31 January's end the old one has left the window
        assertThat(points)
                .containsExactly(
                        point("2026-01-30T23:00:00Z", 3, 3_000, "0.1000"),
                        point("2026-01-31T23:00:00Z", 0, 2_000, "0.0000"));
    }

    private static RatePoint point(String at, long complaints, long recipients, String rate) {
        return new RatePoint(Instant.parse(at), complaints, recipients, new java.math.BigDecimal(rate));
    }

    private static Mailing mailing(String id, String sentAt, long recipients) {
        return new Mailing(
                new MailingId(id),
                ACCOUNT,
                OptionalLong.of(recipients),
                Instant.parse(sentAt),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                0);
    }
}
