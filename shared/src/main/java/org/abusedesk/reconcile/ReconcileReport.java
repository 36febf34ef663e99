package org.abusedesk.reconcile;

import java.util.List;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;

/**
 * What one reconciler run did, in counts and keys only: receipt ids, complaint keys, error classes.
 *
 * @param mailsExamined stored mails within the window
 * @param redrivenMails receipt ids of the mails without any complaint, taken in again
 * @param storedComplaints the complaints those mails gave that were not stored before
 * @param requeuedComplaints complaints that stayed received or counted too long, queued again
 * @param quarantinedMails receipt ids of mails that failed to be read {@link Reconcile#MAX_READS} times, left alone
 *     for {@link Reconcile#QUARANTINE}: for a person to look at
 * @param failures items that failed; each was left for the next run
 */
public record ReconcileReport(
        int mailsExamined,
        List<String> redrivenMails,
        List<ComplaintKey> storedComplaints,
        List<ComplaintKey> requeuedComplaints,
        List<String> quarantinedMails,
        List<Failure> failures) {

    /** An item that failed: what it was ({@code mail <receipt id>}, {@code complaint <key>}, ...) and the error's class. */
    public record Failure(String item, String error) {

        public Failure {
            Objects.requireNonNull(item, "item == null");
            Objects.requireNonNull(error, "error == null");
        }
    }

    public ReconcileReport {
        redrivenMails = List.copyOf(redrivenMails);
        storedComplaints = List.copyOf(storedComplaints);
        requeuedComplaints = List.copyOf(requeuedComplaints);
        quarantinedMails = List.copyOf(quarantinedMails);
        failures = List.copyOf(failures);
    }

    public int mailsRedriven() {
        return redrivenMails.size();
    }

    public int complaintsStored() {
        return storedComplaints.size();
    }

    public int complaintsRequeued() {
        return requeuedComplaints.size();
    }

    /** Whether the run found nothing lost and nothing failed. */
    public boolean changedNothing() {
        return redrivenMails.isEmpty() && requeuedComplaints.isEmpty() && failures.isEmpty();
    }
}
