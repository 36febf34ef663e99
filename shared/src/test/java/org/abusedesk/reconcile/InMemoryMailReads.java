package org.abusedesk.reconcile;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Read counts in a map; the quarantine never ends here, as moto never expires an item either. */
public final class InMemoryMailReads implements MailReads {

    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public synchronized boolean take(String receiptId, int limit, Instant now) {
        int count = counts.getOrDefault(receiptId, 0);
        if (count >= limit) {
            return false;
        }
        counts.put(receiptId, count + 1);
        return true;
    }
}
