package org.abusedesk.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Random;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.outgoing.NotificationComposer;
import org.junit.jupiter.api.Test;

/** Floods of complaints against the team's mailbox: random Mailing IDs, and one mailing with thousands. */
class TeamMailStormTest {

    /** SES v2's limit for a raw message is 40 MB; each page stays far below even the 10 MB of SES v1. */
    private static final int SES_LIMIT = 10 * 1024 * 1024;

    private final InMemoryDesk desk = new InMemoryDesk();
    private final NotificationComposer composer =
            new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com");

    @Test
    void aThousandFormComplaintsOnRandomMailingIds_inAMinute_giveAtMostTheBudget_andOneDigest_losingNone() {
        // GIVEN a budget of 20 team mails per 15 minutes
        desk.budget.limitTo(20);
        var random = new Random(42);
        var keys = new ArrayList<ComplaintKey>();

        // WHEN 1,000 complaints arrive within a minute, each on a Mailing ID nobody registered
        for (int i = 0; i < 1_000; i++) {
            var key = desk.receive(Long.toString(100_000_000L + random.nextInt(899_999_999)), "p" + i + "@example.net");
            keys.add(key);
            desk.processComplaint.process(key);
            desk.clock.advance(Duration.ofMillis(50));
        }

        // THEN the team got 20 mails, and every other complaint waits counted
        assertThat(desk.notifications).hasSize(20);
        assertThat(keys.stream().filter(k -> desk.state(k) == ComplaintState.COUNTED))
                .hasSize(980);

        // ... and WHEN the window has passed and the flush runs, THEN one digest names what was held back, and the
        // flush mails no more than the new window's budget
        desk.clock.advance(Duration.ofMinutes(15));
        desk.flush.flush();
        assertThat(desk.digests).singleElement().satisfies(digest -> {
            assertThat(digest.complaints()).isEqualTo(980);
            assertThat(digest.mailingIds().size() + digest.unnamed()).isEqualTo(980);
        });
        assertThat(desk.notifications).hasSize(40);
        desk.flush.flush();
        assertThat(desk.digests).hasSize(1);
        assertThat(desk.notifications).hasSize(40);

        // ... and as the windows pass, every complaint is mailed exactly once, none lost
        for (int window = 0;
                window < 60 && keys.stream().anyMatch(k -> desk.state(k) == ComplaintState.COUNTED);
                window++) {
            desk.clock.advance(Duration.ofMinutes(15));
            desk.flush.flush();
        }
        assertThat(keys).allSatisfy(k -> assertThat(desk.state(k)).isEqualTo(ComplaintState.NOTIFIED));
        var mailed = new HashSet<String>();
        desk.notifications.forEach(n -> n.complaints()
                .forEach(c -> assertThat(mailed.add(c.id().value())).isTrue()));
        assertThat(mailed).hasSize(1_000);
    }

    @Test
    void aSummaryOfFiveThousandComplaints_arrivesInPages_eachUnderSesLimit_namingEachComplaintOnce() {
        // GIVEN a registered mailing of a billion recipients (no escalation) with 5,000 complaints, counted while its
        // window was taken
        desk.register("14141611", "121070", 1_000_000_000L);
        var keys = new ArrayList<ComplaintKey>();
        for (int i = 0; i < 5_000; i++) {
            var key = desk.receive("14141611", "p" + i + "@example.net");
            keys.add(key);
            desk.processComplaint.process(key);
        }
        assertThat(desk.notifications).hasSize(1);

        // WHEN the flushes run, one window after another
        for (int window = 0;
                window < 20 && keys.stream().anyMatch(k -> desk.state(k) == ComplaintState.COUNTED);
                window++) {
            desk.clock.advance(Duration.ofMinutes(16));
            desk.flush.flush();
        }

        // THEN every mail lists at most 100 complaints and composes far below SES's limit, a summary sends at most
        // five pages at once and says what still waits, and together they name every complaint exactly once
        assertThat(desk.notifications).allSatisfy(n -> {
            assertThat(n.complaints()).hasSizeLessThanOrEqualTo(Notification.Paging.SIZE);
            assertThat(composer.compose(n).raw().length).isLessThan(SES_LIMIT / 4);
        });
        var first = desk.notifications.get(1);
        assertThat(first.paging()).isEqualTo(new Notification.Paging(1, 5, 4_499));
        assertThat(org.abusedesk.outgoing.NotificationView.of(first).paging())
                .startsWith("Page 1 of 5 of this summary; and 4499 more waiting for the next summary")
                .endsWith("./abuse-desk complaints list --mailing-id 14141611");
        var mailed = new HashSet<String>();
        desk.notifications.forEach(n -> n.complaints()
                .forEach(c -> assertThat(mailed.add(c.id().value())).isTrue()));
        assertThat(mailed).hasSize(5_000);
    }
}
