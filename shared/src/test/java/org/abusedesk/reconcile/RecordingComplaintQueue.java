package org.abusedesk.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.abusedesk.complaint.ComplaintKey;

/** The complaints queue as a list of the keys sent to it; a key may be set to fail, as SQS may. */
public final class RecordingComplaintQueue implements ComplaintQueue {

    private final List<ComplaintKey> sent = new ArrayList<>();
    private final Set<ComplaintKey> failing = new HashSet<>();

    @Override
    public synchronized void requeue(ComplaintKey key) {
        if (failing.contains(key)) {
            throw new IllegalStateException("queue unavailable");
        }
        sent.add(key);
    }

    public synchronized void failFor(ComplaintKey key) {
        failing.add(key);
    }

    public synchronized List<ComplaintKey> sent() {
        return List.copyOf(sent);
    }
}
