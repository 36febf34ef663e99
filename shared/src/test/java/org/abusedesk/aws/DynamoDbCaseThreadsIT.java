package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.local.Stack;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.people.Actor;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.thread.ThreadEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Case threads, and a case's waiting for its customer, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbCaseThreadsIT {

    /** To the second: expiry is stored in epoch seconds, as DynamoDB's TTL reads it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final DynamoDbCaseThreads threads;
    private final DynamoDbComplaints complaints;
    private final DynamoDbCases cases;
    private final DynamoDbCaseListings listings;

    DynamoDbCaseThreadsIT(Stack stack) {
        var dynamoDb = stack.aws().dynamoDb();
        this.threads = new DynamoDbCaseThreads(dynamoDb, stack.ref("CaseThreadsTable"));
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        this.cases = new DynamoDbCases(dynamoDb, stack.ref("ComplaintsTable"));
        this.listings = new DynamoDbCaseListings(dynamoDb, stack.ref("ComplaintsTable"));
    }

    private static ThreadEntry entry(ComplaintKey key, ThreadEntry.Kind kind, Instant at, Optional<String> receipt) {
        return new ThreadEntry(
                Randomness.ulidAt(at).toString(),
                key,
                kind,
                at,
                kind == ThreadEntry.Kind.REPLY ? Optional.empty() : Optional.of(new Actor("sub-1", "Anna Team")),
                "owner@shop.example",
                "Subject " + kind,
                "Text of the " + kind,
                kind == ThreadEntry.Kind.NOTICE ? Optional.of(at.plus(Duration.ofDays(7))) : Optional.empty(),
                receipt,
                false);
    }

    @Test
    void aThread_isReadBackWhole_inTheOrderItWasMade_andItsEntriesFindTheirCase() {
        // GIVEN a case with a notice, the customer's reply and a note, added out of order
        var key = CaseFixtures.form("14141611", NOW, ComplaintState.NOTIFIED, "e@x.example")
                .key();
        var notice = entry(key, ThreadEntry.Kind.NOTICE, NOW.minusSeconds(300), Optional.empty());
        var reply = entry(key, ThreadEntry.Kind.REPLY, NOW.minusSeconds(200), Optional.of("ses-reply-" + NOW));
        var note = entry(key, ThreadEntry.Kind.NOTE, NOW.minusSeconds(100), Optional.empty());
        var expires = NOW.plus(Duration.ofDays(180));
        assertThat(threads.add(note, expires)).isTrue();
        assertThat(threads.add(reply, expires)).isTrue();
        assertThat(threads.add(notice, expires)).isTrue();

        // THEN the thread comes back oldest first, each entry as written
        assertThat(threads.of(key, NOW)).containsExactly(notice, reply, note);
        assertThat(threads.caseOf(notice.id(), NOW)).contains(key);
        assertThat(threads.hasReceipt("ses-reply-" + NOW)).isTrue();
        assertThat(threads.hasReceipt("ses-never")).isFalse();
        // ... and an entry, or a receipt, is written once
        assertThat(threads.add(notice, expires)).isFalse();
        var sameReceipt = entry(key, ThreadEntry.Kind.REPLY, NOW.minusSeconds(50), Optional.of("ses-reply-" + NOW));
        assertThat(threads.add(sameReceipt, expires)).isFalse();
        assertThat(threads.of(key, NOW)).hasSize(3);
        // ... and a reply past the thread's limit is recorded by its receipt alone, once
        assertThat(threads.receipt("ses-past-the-limit-" + NOW, key, expires)).isTrue();
        assertThat(threads.receipt("ses-past-the-limit-" + NOW, key, expires)).isFalse();
        assertThat(threads.hasReceipt("ses-past-the-limit-" + NOW)).isTrue();
        assertThat(threads.of(key, NOW)).hasSize(3);
    }

    @Test
    void anExpiredThread_isNotRead_thoughTtlHasNotDeletedIt() {
        var key = CaseFixtures.form("14141611", NOW, ComplaintState.NOTIFIED, "e@x.example")
                .key();
        var notice = entry(key, ThreadEntry.Kind.NOTICE, NOW.minusSeconds(60), Optional.empty());
        threads.add(notice, NOW.minusSeconds(1));

        assertThat(threads.of(key, NOW)).isEmpty();
        assertThat(threads.caseOf(notice.id(), NOW)).isEmpty();
    }

    @Test
    void erase_keepsWhatAndWhen_butNotTheWordsNorTheAddresses() {
        var key = CaseFixtures.form("14141611", NOW, ComplaintState.NOTIFIED, "e@x.example")
                .key();
        var notice = entry(key, ThreadEntry.Kind.NOTICE, NOW.minusSeconds(60), Optional.empty());
        threads.add(notice, NOW.plus(Duration.ofDays(1)));

        threads.erase(key);

        assertThat(threads.of(key, NOW)).containsExactly(notice.erased());
    }

    @Test
    void aCase_waitsForItsCustomer_untilTheReply_andIsToldItsOutcomeOnce() {
        // GIVEN a notified case
        var complaint = CaseFixtures.form("14141611", NOW, ComplaintState.NOTIFIED, "e@x.example");
        complaints.add(complaint);
        var key = complaint.key();
        var due = NOW.plus(Duration.ofDays(7));

        // WHEN it waits for the customer: only from the state it was read in
        assertThat(cases.await(key, ComplaintState.COUNTED, due)).isFalse();
        assertThat(cases.await(key, ComplaintState.NOTIFIED, due)).isTrue();
        var file = cases.find(key, NOW).orElseThrow();
        assertThat(file.state()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
        assertThat(file.dueAt()).contains(due);
        assertThat(file.overdueAt(due.minusSeconds(1))).isFalse();
        assertThat(file.overdueAt(due)).isTrue();
        // ... and the listing of waiting cases carries the due date, so that a queue reads no case for it
        var listed = listings.inState(
                ComplaintState.WAITING_FOR_CUSTOMER, TimeRange.ANY, new PageRequest(Optional.empty(), 50), NOW);
        assertThat(listed.items())
                .filteredOn(summary -> summary.key().equals(key))
                .singleElement()
                .satisfies(summary -> {
                    assertThat(summary.dueAt()).contains(due);
                    assertThat(summary.overdueAt(due)).isTrue();
                });

        // THEN the reply moves it back, once
        assertThat(cases.answered(key)).isTrue();
        assertThat(cases.answered(key)).isFalse();
        assertThat(cases.find(key, NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(cases.find(key, NOW).orElseThrow().dueAt()).isEmpty();

        // ... and its outcome is marked told once
        assertThat(cases.markOutcomeTold(key, NOW)).isTrue();
        assertThat(cases.markOutcomeTold(key, NOW)).isFalse();
        assertThat(cases.find(key, NOW).orElseThrow().outcomeToldAt()).contains(NOW);
    }
}
