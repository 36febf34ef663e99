package org.abusedesk.thread;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;

/** The threads of cases: what went to the sending customer and came back, and the team's notes. */
public interface CaseThreads {

    /**
     * Adds an entry, kept until {@code expiresAt} (its case's retention).
     *
     * @return false when an entry with its id is there already; nothing was written then
     */
    boolean add(ThreadEntry entry, Instant expiresAt);

    /** The case's entries, oldest first, unless expired before {@code now}. */
    List<ThreadEntry> of(ComplaintKey key, Instant now);

    /** The case a notice or follow-up belongs to, by the entry's id, unless expired before {@code now}. */
    Optional<ComplaintKey> caseOf(String entryId, Instant now);

    /** Whether a received mail was taken in as a reply, so that the reconciler need not read it again. */
    boolean hasReceipt(String receiptId);

    /** Removes the words and addresses of every entry of the case, keeping what and when. */
    void erase(ComplaintKey key);
}
