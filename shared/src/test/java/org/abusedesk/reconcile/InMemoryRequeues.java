package org.abusedesk.reconcile;

import java.util.HashMap;
import java.util.Map;
import org.abusedesk.complaint.ComplaintKey;

/** Re-queue counts in a map. */
public final class InMemoryRequeues implements Requeues {

    private final Map<ComplaintKey, Integer> counts = new HashMap<>();

    @Override
    public synchronized boolean take(ComplaintKey key, int limit) {
        int count = counts.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        counts.put(key, count + 1);
        return true;
    }

    public synchronized int count(ComplaintKey key) {
        return counts.getOrDefault(key, 0);
    }
}
