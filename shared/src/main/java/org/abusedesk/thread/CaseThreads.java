package org.abusedesk.thread;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;

/** The threads of cases: what went to the sending customer and came back, and the team's notes. */
public interface CaseThreads {

    /** The most entries a thread is read with: a thread never grows a page or an export without bound. */
    int MAX_ENTRIES = 200;

    /**
     * Adds an entry, kept until {@code expiresAt} (its case's retention).
     *
     * @return false when an entry with its id is there already; nothing was written then
     */
    boolean add(ThreadEntry entry, Instant expiresAt);

    /** The case's first {@link #MAX_ENTRIES} entries, oldest first, unless expired before {@code now}. */
    List<ThreadEntry> of(ComplaintKey key, Instant now);

    /** The case a notice or follow-up belongs to, by the entry's id, unless expired before {@code now}. */
    Optional<ComplaintKey> caseOf(String entryId, Instant now);

    /**
     * Records that a received mail was a reply to the case without keeping it in the thread: one past the thread's
     * limit of replies. Its raw mail stays stored, under its retention.
     *
     * @return false when the mail was recorded before
     */
    boolean receipt(String receiptId, ComplaintKey key, Instant expiresAt);

    /** Whether a received mail was taken in as a reply, so that the reconciler need not read it again. */
    boolean hasReceipt(String receiptId);

    /** Removes the words and addresses of every entry of the case, keeping what and when. */
    void erase(ComplaintKey key);
}
