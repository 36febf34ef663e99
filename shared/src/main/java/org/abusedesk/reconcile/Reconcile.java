package org.abusedesk.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.reconcile.ReconcileReport.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what got lost between the steps and drives it on: stored mail whose event never gave a complaint is taken
 * in again, and complaints whose queue message was lost or dead-lettered are queued again. Both are idempotent: a
 * mail taken in again writes the keys its event would have written, and the processor resumes each complaint at
 * the step it stopped at.
 */
public final class Reconcile {

    private static final Logger LOG = LoggerFactory.getLogger(Reconcile.class);
    /** The steps the processor takes a complaint out of; a complaint resting at either is waiting for its message. */
    private static final List<ComplaintState> UNFINISHED = List.of(ComplaintState.RECEIVED, ComplaintState.COUNTED);
    /**
     * Times a complaint is queued again at most. One that still fails each time is a fault for a person: it rests
     * in the dead-letter queue, alarmed, instead of going round every run and filling that queue with copies.
     */
    static final int MAX_REQUEUES = 3;
    /**
     * Tries at reading a stored mail at most, within {@link #QUARANTINE}: a mail that fails each time (a crafted one
     * that stalls or crashes the reader) is quarantined and reported, not read again every run.
     */
    static final int MAX_READS = 3;
    /** How long a mail that failed {@link #MAX_READS} times is left alone. */
    public static final Duration QUARANTINE = Duration.ofHours(72);

    private final StoredMails storedMails;
    private final ComplaintsByReceipt byReceipt;
    private final ReceiveMail receiveMail;
    private final ComplaintsByState byState;
    private final ComplaintQueue queue;
    private final Requeues requeues;
    private final MailReads reads;
    private final ReconcileWindows windows;
    private final Clock clock;

    public Reconcile(
            StoredMails storedMails,
            ComplaintsByReceipt byReceipt,
            ReceiveMail receiveMail,
            ComplaintsByState byState,
            ComplaintQueue queue,
            Requeues requeues,
            MailReads reads,
            ReconcileWindows windows,
            Clock clock) {
        this.storedMails = Objects.requireNonNull(storedMails, "storedMails == null");
        this.byReceipt = Objects.requireNonNull(byReceipt, "byReceipt == null");
        this.receiveMail = Objects.requireNonNull(receiveMail, "receiveMail == null");
        this.byState = Objects.requireNonNull(byState, "byState == null");
        this.queue = Objects.requireNonNull(queue, "queue == null");
        this.requeues = Objects.requireNonNull(requeues, "requeues == null");
        this.reads = Objects.requireNonNull(reads, "reads == null");
        this.windows = Objects.requireNonNull(windows, "windows == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** One run; a failing item is counted, logged by its key and left for the next run, never stopping the rest. */
    public ReconcileReport reconcile() {
        var now = clock.instant();
        var run = new Run();
        // Stuck complaints first: a complaint stored from a mail below is new, and its stream record is on its way.
        for (var state : UNFINISHED) {
            requeueStuck(state, now.minus(windows.stuckAfter()), run);
        }
        redriveLostMail(now.minus(windows.lookback()), now.minus(windows.mailGrace()), now, run);
        return new ReconcileReport(run.examined, run.redriven, run.stored, run.requeued, run.quarantined, run.failures);
    }

    private void requeueStuck(ComplaintState state, Instant before, Run run) {
        List<ComplaintsByState.Entry> entries;
        try {
            entries = byState.inStateBefore(state, before);
        } catch (RuntimeException e) {
            run.fail("complaints " + state, e);
            return;
        }
        for (var entry : entries) {
            // Bounces, auto-replies and the rest stay received for good: the pipe never passes them on.
            if (entry.classification() != Classification.COMPLAINT) {
                continue;
            }
            try {
                if (!requeues.take(entry.key(), MAX_REQUEUES)) {
                    LOG.warn(
                            "complaint queued again {} times already, left to the dead-letter queue: mailingId={} complaintId={} state={}",
                            MAX_REQUEUES,
                            entry.key().mailingId(),
                            entry.key().complaintId(),
                            state);
                    continue;
                }
                queue.requeue(entry.key());
                run.requeued.add(entry.key());
                LOG.info(
                        "complaint queued again: mailingId={} complaintId={} state={}",
                        entry.key().mailingId(),
                        entry.key().complaintId(),
                        state);
            } catch (RuntimeException e) {
                run.fail(
                        "complaint " + entry.key().mailingId() + "/"
                                + entry.key().complaintId(),
                        e);
            }
        }
    }

    private void redriveLostMail(Instant from, Instant to, Instant now, Run run) {
        List<StoredMails.StoredMail> mails;
        try {
            mails = storedMails.storedBetween(from, to);
        } catch (RuntimeException e) {
            run.fail("stored mails", e);
            return;
        }
        for (var mail : mails) {
            run.examined++;
            try {
                if (byReceipt.anyFor(mail.receiptId())) {
                    continue;
                }
                if (!reads.take(mail.receiptId(), MAX_READS, now)) {
                    run.quarantined.add(mail.receiptId());
                    LOG.warn(
                            "mail quarantined after {} failed reads, left for {}: receiptId={}",
                            MAX_READS,
                            QUARANTINE,
                            mail.receiptId());
                    continue;
                }
                var stored = receiveMail.receiveStored(mail.receiptId());
                run.redriven.add(mail.receiptId());
                for (var complaint : stored) {
                    // A duplicate means the late event got there first: the same keys, stored once.
                    if (!complaint.duplicate()) {
                        run.stored.add(complaint.key());
                    }
                    LOG.info(
                            "mail taken in again: receiptId={} mailingId={} complaintId={} classification={} {}",
                            mail.receiptId(),
                            complaint.key().mailingId(),
                            complaint.key().complaintId(),
                            complaint.classification(),
                            complaint.duplicate() ? "stored before" : "stored");
                }
            } catch (RuntimeException e) {
                run.fail("mail " + mail.receiptId(), e);
            }
        }
    }

    /** What one run has done so far. */
    private static final class Run {

        int examined;
        final List<String> redriven = new ArrayList<>();
        final List<ComplaintKey> stored = new ArrayList<>();
        final List<ComplaintKey> requeued = new ArrayList<>();
        final List<String> quarantined = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();

        void fail(String item, RuntimeException e) {
            LOG.error("reconcile failed, left for the next run: {}", item, e);
            failures.add(new Failure(item, e.getClass().getName()));
        }
    }
}
