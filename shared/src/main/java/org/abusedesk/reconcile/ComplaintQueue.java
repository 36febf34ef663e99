package org.abusedesk.reconcile;

import org.abusedesk.complaint.ComplaintKey;

/** The queue the processor reads: a complaint's key put on it again drives the complaint on from where it stopped. */
public interface ComplaintQueue {

    void requeue(ComplaintKey key);
}
