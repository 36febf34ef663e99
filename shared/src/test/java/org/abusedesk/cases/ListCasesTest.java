package org.abusedesk.cases;

import static org.abusedesk.cases.CaseFixtures.ERIKA;
import static org.abusedesk.cases.CaseFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.junit.jupiter.api.Test;

class ListCasesTest {

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final ListCases list = new ListCases(cases, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void openFirst_listsReceivedCountedAndNotifiedCases_beforeClosedOnes_oldestFirstInEach() {
        // GIVEN cases in every state, the closed ones older than the open ones
        var resolved = add(CaseFixtures.form("1", hoursAgo(9), ComplaintState.RESOLVED, ERIKA));
        var rejected = add(CaseFixtures.form("1", hoursAgo(8), ComplaintState.REJECTED, ERIKA));
        var notified = add(CaseFixtures.form("1", hoursAgo(7), ComplaintState.NOTIFIED, ERIKA));
        var received = add(CaseFixtures.form("1", hoursAgo(6), ComplaintState.RECEIVED, ERIKA));
        var dismissed = add(CaseFixtures.form("1", hoursAgo(5), ComplaintState.DISMISSED, ERIKA));
        var counted = add(CaseFixtures.form("1", hoursAgo(4), ComplaintState.COUNTED, ERIKA));
        var newerReceived = add(CaseFixtures.form("1", hoursAgo(3), ComplaintState.RECEIVED, ERIKA));

        // WHEN all are listed three a page
        var keys = allPages(page -> list.openFirst(TimeRange.ANY, page));

        // THEN open cases come first, by step, then resolved, dismissed and rejected ones
        assertThat(keys).containsExactly(received, newerReceived, counted, notified, resolved, dismissed, rejected);
    }

    @Test
    void ofAccount_listsTheComplaintsCountedAgainstIt_withinTheRange() {
        // GIVEN two complaints counted against account 121070, one against another, one not counted yet
        var early = add(CaseFixtures.form("1", hoursAgo(30), ComplaintState.NOTIFIED, ERIKA));
        var late = add(CaseFixtures.form("2", hoursAgo(2), ComplaintState.COUNTED, ERIKA));
        var other = add(CaseFixtures.form("3", hoursAgo(2), ComplaintState.COUNTED, ERIKA));
        add(CaseFixtures.form("1", hoursAgo(1), ComplaintState.RECEIVED, ERIKA));
        cases.attribute(early, new AccountId("121070"));
        cases.attribute(late, new AccountId("121070"));
        cases.attribute(other, new AccountId("999"));

        // WHEN the account's cases are listed, all and those of the last day
        var all = list.ofAccount(new AccountId("121070"), TimeRange.ANY, PageRequest.first());
        var lastDay =
                list.ofAccount(new AccountId("121070"), TimeRange.between(hoursAgo(24), NOW), PageRequest.first());

        // THEN only the counted ones are there, each with its account, and the range narrows them
        assertThat(all.items()).extracting(CaseSummary::key).containsExactly(early, late);
        assertThat(all.items()).allSatisfy(s -> assertThat(s.account()).contains(new AccountId("121070")));
        assertThat(all.next()).isEmpty();
        assertThat(lastDay.items()).extracting(CaseSummary::key).containsExactly(late);
    }

    @Test
    void ofMailing_leavesOutComplaintsWhosePersonalDataExpired() {
        var current = add(CaseFixtures.form("14141611", hoursAgo(2), ComplaintState.NOTIFIED, ERIKA));
        add(CaseFixtures.expiringAt(CaseFixtures.form("14141611", hoursAgo(3), ComplaintState.NOTIFIED, ERIKA), NOW));
        add(CaseFixtures.form("14141612", hoursAgo(2), ComplaintState.NOTIFIED, ERIKA));

        var page = list.ofMailing(new MailingId("14141611"), TimeRange.ANY, PageRequest.first());

        assertThat(page.items()).extracting(CaseSummary::key).containsExactly(current);
    }

    @Test
    void inState_summarisesEachCase_withoutTheComplainantsAddressNameOrMessage() {
        var mailed = add(CaseFixtures.classified(
                CaseFixtures.mailed("14141611", hoursAgo(2), ComplaintState.RECEIVED, ERIKA, "ses-1", false),
                Classification.BOUNCE));

        var summary = list.inState(ComplaintState.RECEIVED, TimeRange.ANY, PageRequest.first())
                .items()
                .get(0);

        assertThat(summary)
                .isEqualTo(new CaseSummary(
                        mailed,
                        ComplaintState.RECEIVED,
                        Classification.BOUNCE,
                        Channel.MAIL,
                        hoursAgo(2),
                        Optional.empty(),
                        Optional.of("121070"),
                        true,
                        Optional.of("header:X-Mailing"),
                        Optional.empty()));
        assertThat(summary.toString()).doesNotContain("erika", "Erika", "angemeldet", "Schon wieder");
    }

    @Test
    void aCursorOfAnotherListing_isRefused() {
        add(CaseFixtures.form("1", hoursAgo(3), ComplaintState.NOTIFIED, ERIKA));
        add(CaseFixtures.form("1", hoursAgo(2), ComplaintState.NOTIFIED, ERIKA));
        var cursor = list.inState(ComplaintState.NOTIFIED, TimeRange.ANY, new PageRequest(Optional.empty(), 1))
                .next()
                .orElseThrow();

        assertThatThrownBy(() ->
                        list.inState(ComplaintState.COUNTED, TimeRange.ANY, new PageRequest(Optional.of(cursor), 1)))
                .isInstanceOf(InvalidCursorException.class);
    }

    private ComplaintKey add(Complaint complaint) {
        complaints.add(complaint);
        return complaint.key();
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    private static List<ComplaintKey> allPages(Function<PageRequest, Page<CaseSummary>> listing) {
        var keys = new ArrayList<ComplaintKey>();
        var page = listing.apply(new PageRequest(Optional.empty(), 3));
        keys.addAll(page.items().stream().map(CaseSummary::key).toList());
        while (page.next().isPresent()) {
            page = listing.apply(new PageRequest(page.next(), 3));
            keys.addAll(page.items().stream().map(CaseSummary::key).toList());
        }
        return keys;
    }
}
