package org.abusedesk.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.Fixtures;
import org.abusedesk.inbound.InMemoryRawMails;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ReceivedMail;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.reconcile.ReconcileReport.Failure;
import org.junit.jupiter.api.Test;

class ReconcileTest {

    private static final Instant NOW = Instant.parse("2026-11-03T12:00:00Z");
    private static final ReconcileWindows WINDOWS =
            new ReconcileWindows(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(72));

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryComplaintIndexes indexes = new InMemoryComplaintIndexes(complaints);
    private final InMemoryRawMails rawMails = new InMemoryRawMails();
    private final RecordingComplaintQueue queue = new RecordingComplaintQueue();
    private final InMemoryRequeues requeues = new InMemoryRequeues();
    private final InMemoryMailReads reads = new InMemoryMailReads();
    private final ReceiveMail receiveMail = new ReceiveMail(
            rawMails,
            new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none()),
            complaints,
            new RecordingDeskMetrics(),
            InboundLimits.DEFAULT,
            Duration.ofDays(180));

    @Test
    void reconcile_takesInAStoredMailThatGaveNoComplaint_underTheKeysItsEventWouldHaveWritten() {
        // GIVEN a complaint mail stored 20 minutes ago whose event never came
        Instant storedAt = NOW.minus(Duration.ofMinutes(20));
        rawMails.put("ses-lost", complaintMail("14141611"), storedAt);

        // WHEN the reconciler runs
        var report = reconcile();

        // THEN the mail is taken in: one complaint, RECEIVED, with an id of the stored time, for the pipe to pass on
        assertThat(complaints.all()).singleElement().satisfies(c -> {
            assertThat(c.mailingId().value()).isEqualTo("14141611");
            assertThat(c.state()).isEqualTo(ComplaintState.RECEIVED);
            assertThat(c.classification()).isEqualTo(Classification.COMPLAINT);
            assertThat(c.receivedAt()).isEqualTo(storedAt);
            assertThat(Ulid.from(c.id().value()).getInstant()).isEqualTo(storedAt);
            assertThat(c.attribution().provenance().orElseThrow().receiptId()).isEqualTo("ses-lost");
            assertThat(c.attribution().provenance().orElseThrow().verdicts()).isEqualTo(ReceiptVerdicts.UNKNOWN);
        });
        assertThat(report.mailsExamined()).isEqualTo(1);
        assertThat(report.redrivenMails()).containsExactly("ses-lost");
        assertThat(report.storedComplaints())
                .containsExactly(complaints.all().get(0).key());
        assertThat(report.requeuedComplaints()).isEmpty();
        assertThat(report.failures()).isEmpty();
        // ... and it is not queued as well: the table's stream brings it to the queue
        assertThat(queue.sent()).isEmpty();
    }

    @Test
    void reconcile_leavesAMailThatGaveAComplaintAlone() {
        // GIVEN a mail whose event was taken in
        Instant storedAt = NOW.minus(Duration.ofMinutes(20));
        rawMails.put("ses-done", complaintMail("14141611"), storedAt);
        receiveMail.receive(new ReceivedMail("ses-done", storedAt, Optional.empty(), ReceiptVerdicts.UNKNOWN));

        // WHEN the reconciler runs
        var report = reconcile();

        // THEN it examined the mail and took nothing in
        assertThat(report.mailsExamined()).isEqualTo(1);
        assertThat(report.redrivenMails()).isEmpty();
        assertThat(report.storedComplaints()).isEmpty();
        assertThat(complaints.all()).hasSize(1);
    }

    @Test
    void reconcile_leavesMailTooYoungForItsEvent_andMailBeforeTheLookback_alone() {
        // GIVEN a mail stored 5 minutes ago (its event may still come) and one stored 73 hours ago
        rawMails.put("ses-young", complaintMail("14141611"), NOW.minus(Duration.ofMinutes(5)));
        rawMails.put("ses-old", complaintMail("14141612"), NOW.minus(Duration.ofHours(73)));

        // WHEN the reconciler runs
        var report = reconcile();

        // THEN neither is examined, nothing is stored
        assertThat(report.mailsExamined()).isZero();
        assertThat(report.redrivenMails()).isEmpty();
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void reconcile_examinesMailFromTheLookbackOn_upToTheGrace() {
        // GIVEN mails stored exactly at the window's two ends
        rawMails.put("ses-first", complaintMail("14141611"), NOW.minus(Duration.ofHours(72)));
        rawMails.put("ses-last", complaintMail("14141612"), NOW.minus(Duration.ofMinutes(15)));

        // WHEN the reconciler runs
        var report = reconcile();

        // THEN the window includes its start and excludes its end
        assertThat(report.redrivenMails()).containsExactly("ses-first");
    }

    @Test
    void reconcile_queuesAgainComplaintsStuckInReceivedOrCounted_butNotNotifiedNorNonComplaintsNorYoungOnes() {
        // GIVEN complaints in every situation
        var received = add(Classification.COMPLAINT, ComplaintState.RECEIVED, NOW.minus(Duration.ofMinutes(31)));
        var counted = add(Classification.COMPLAINT, ComplaintState.COUNTED, NOW.minus(Duration.ofHours(5)));
        add(Classification.COMPLAINT, ComplaintState.NOTIFIED, NOW.minus(Duration.ofHours(5)));
        add(Classification.COMPLAINT, ComplaintState.RESOLVED, NOW.minus(Duration.ofHours(5)));
        add(Classification.COMPLAINT, ComplaintState.REJECTED, NOW.minus(Duration.ofHours(5)));
        add(Classification.BOUNCE, ComplaintState.RECEIVED, NOW.minus(Duration.ofHours(5)));
        add(Classification.AUTO_REPLY, ComplaintState.RECEIVED, NOW.minus(Duration.ofHours(5)));
        add(Classification.COMPLAINT, ComplaintState.RECEIVED, NOW.minus(Duration.ofMinutes(29)));

        // WHEN the reconciler runs
        var report = reconcile();

        // THEN only the stuck complaints' keys go to the queue
        assertThat(queue.sent()).containsExactly(received, counted);
        assertThat(report.requeuedComplaints()).containsExactly(received, counted);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void reconcile_queuesAComplaintThatKeepsFailing_onlyUpToTheLimit_thenLeavesItToTheDeadLetterQueue() {
        // GIVEN a complaint the processor never gets past
        var poison = add(Classification.COMPLAINT, ComplaintState.RECEIVED, NOW.minus(Duration.ofHours(1)));

        // WHEN the reconciler runs more often than the limit
        for (int run = 0; run < Reconcile.MAX_REQUEUES + 2; run++) {
            reconcile();
        }

        // THEN it went back to the queue exactly as often as the limit allows
        assertThat(queue.sent()).hasSize(Reconcile.MAX_REQUEUES).containsOnly(poison);
        assertThat(requeues.count(poison)).isEqualTo(Reconcile.MAX_REQUEUES);
        assertThat(reconcile().failures()).isEmpty();
    }

    @Test
    void reconcile_runAgainAfterTheProcessorCaughtUp_changesNothing() {
        // GIVEN a lost mail and a stuck complaint, reconciled once, and the processor done with what it was given
        rawMails.put("ses-lost", complaintMail("14141611"), NOW.minus(Duration.ofMinutes(20)));
        var stuck = add(Classification.COMPLAINT, ComplaintState.COUNTED, NOW.minus(Duration.ofHours(1)));
        var first = reconcile();
        assertThat(first.redrivenMails()).containsExactly("ses-lost");
        assertThat(first.requeuedComplaints()).containsExactly(stuck);
        complaints.advance(stuck, ComplaintState.COUNTED, ComplaintState.NOTIFIED);
        var before = complaints.all();

        // WHEN it runs again
        var second = reconcile();

        // THEN nothing is taken in, stored or queued, and the table is as it was
        assertThat(second.mailsExamined()).isEqualTo(1);
        assertThat(second.redrivenMails()).isEmpty();
        assertThat(second.storedComplaints()).isEmpty();
        assertThat(second.requeuedComplaints()).isEmpty();
        assertThat(second.failures()).isEmpty();
        assertThat(second.changedNothing()).isTrue();
        assertThat(complaints.all()).isEqualTo(before);
        assertThat(queue.sent()).containsExactly(stuck);
    }

    @Test
    void reconcile_goesOnPastAFailingMailAndAFailingComplaint_andReportsThemByKey() {
        // GIVEN a listed mail that cannot be read, a good one, and two stuck complaints one of which the queue refuses
        StoredMails listing = (from, to) -> {
            var mails = new ArrayList<StoredMails.StoredMail>();
            mails.add(new StoredMails.StoredMail("ses-gone", NOW.minus(Duration.ofMinutes(30))));
            mails.addAll(rawMails.storedBetween(from, to));
            return mails;
        };
        rawMails.put("ses-good", complaintMail("14141611"), NOW.minus(Duration.ofMinutes(20)));
        var refused = add(Classification.COMPLAINT, ComplaintState.RECEIVED, NOW.minus(Duration.ofHours(2)));
        var accepted = add(Classification.COMPLAINT, ComplaintState.RECEIVED, NOW.minus(Duration.ofHours(1)));
        queue.failFor(refused);

        // WHEN the reconciler runs
        var report = reconciler(listing).reconcile();

        // THEN the others went through, and each failure is named by its key and its error's class only
        assertThat(report.redrivenMails()).containsExactly("ses-good");
        assertThat(report.requeuedComplaints()).containsExactly(accepted);
        assertThat(report.mailsExamined()).isEqualTo(2);
        assertThat(report.failures())
                .extracting(Failure::item, Failure::error)
                .containsExactly(
                        tuple(
                                "complaint " + refused.mailingId() + "/" + refused.complaintId(),
                                IllegalStateException.class.getName()),
                        tuple("mail ses-gone", RawMails.MailNotFoundException.class.getName()));
    }

    @Test
    void aMailThatFailsToBeReadThreeTimes_isQuarantined_reportedAndNotReadAgain() {
        // GIVEN a listed mail whose every reading fails
        StoredMails listing =
                (from, to) -> List.of(new StoredMails.StoredMail("ses-hostile", NOW.minus(Duration.ofMinutes(30))));
        var reconciler = reconciler(listing);

        // WHEN the reconciler runs five times
        var reports = new ArrayList<ReconcileReport>();
        for (int run = 0; run < 5; run++) {
            reports.add(reconciler.reconcile());
        }

        // THEN the first three runs tried and failed, the last two left it quarantined and said so
        assertThat(reports).extracting(r -> r.failures().size()).containsExactly(1, 1, 1, 0, 0);
        assertThat(reports)
                .extracting(ReconcileReport::quarantinedMails)
                .containsExactly(List.of(), List.of(), List.of(), List.of("ses-hostile"), List.of("ses-hostile"));
    }

    @Test
    void reconcile_whenStoredMailCannotBeListed_stillQueuesStuckComplaints() {
        var stuck = add(Classification.COMPLAINT, ComplaintState.RECEIVED, NOW.minus(Duration.ofHours(1)));
        StoredMails unavailable = (from, to) -> {
            throw new IllegalStateException("bucket unavailable");
        };

        var report = reconciler(unavailable).reconcile();

        assertThat(report.requeuedComplaints()).containsExactly(stuck);
        assertThat(report.failures())
                .containsExactly(new Failure("stored mails", IllegalStateException.class.getName()));
    }

    private ReconcileReport reconcile() {
        return reconciler(rawMails).reconcile();
    }

    private Reconcile reconciler(StoredMails storedMails) {
        return new Reconcile(
                storedMails,
                indexes,
                receiveMail,
                indexes,
                queue,
                requeues,
                reads,
                WINDOWS,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A complaint that arrived at {@code at}: its id is a ULID of that time. */
    private ComplaintKey add(Classification classification, ComplaintState state, Instant at) {
        var key = new ComplaintKey(
                new MailingId("14141611"),
                new ComplaintId(UlidCreator.getUlid(at.toEpochMilli()).toString()));
        complaints.add(new Complaint(
                key,
                Channel.FORM,
                classification,
                state,
                at,
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.EN),
                "spam",
                Attribution.NONE,
                at.plus(Duration.ofDays(180))));
        return key;
    }

    /** A complaint forwarding the reported mail as an attachment. */
    private static byte[] complaintMail(String mailingId) {
        return Fixtures.forwardedAsAttachment("X-Mailing: " + mailingId, "Kaufen!");
    }
}
