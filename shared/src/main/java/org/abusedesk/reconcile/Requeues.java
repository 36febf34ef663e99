package org.abusedesk.reconcile;

import org.abusedesk.complaint.ComplaintKey;

/** How often the reconciler has queued each complaint again: a complaint that keeps failing is not queued forever. */
public interface Requeues {

    /** Records one more re-queue of the complaint; false, recording nothing, when it has had {@code limit} already. */
    boolean take(ComplaintKey key, int limit);
}
