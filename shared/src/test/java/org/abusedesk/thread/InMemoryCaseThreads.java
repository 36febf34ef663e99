package org.abusedesk.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;

/** Case threads in memory, for tests of the use cases. */
public final class InMemoryCaseThreads implements CaseThreads {

    private final Map<String, ThreadEntry> entries = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();
    private final Map<String, ComplaintKey> receipts = new HashMap<>();

    @Override
    public synchronized boolean add(ThreadEntry entry, Instant expiresAt) {
        if (entries.containsKey(entry.id())
                || entry.receiptId().filter(receipts::containsKey).isPresent()) {
            return false;
        }
        entries.put(entry.id(), entry);
        expiries.put(entry.id(), expiresAt);
        entry.receiptId().ifPresent(receipt -> receipts.put(receipt, entry.caseKey()));
        return true;
    }

    @Override
    public synchronized List<ThreadEntry> of(ComplaintKey key, Instant now) {
        return entries.values().stream()
                .filter(e -> e.caseKey().equals(key) && expiries.get(e.id()).isAfter(now))
                .sorted(Comparator.comparing(ThreadEntry::id))
                .limit(MAX_ENTRIES)
                .toList();
    }

    @Override
    public synchronized Optional<ComplaintKey> caseOf(String entryId, Instant now) {
        return Optional.ofNullable(entries.get(entryId))
                .filter(e -> expiries.get(e.id()).isAfter(now))
                .map(ThreadEntry::caseKey);
    }

    @Override
    public synchronized boolean receipt(String receiptId, ComplaintKey key, Instant expiresAt) {
        return receipts.putIfAbsent(receiptId, key) == null;
    }

    @Override
    public synchronized boolean hasReceipt(String receiptId) {
        return receipts.containsKey(receiptId);
    }

    @Override
    public synchronized void erase(ComplaintKey key) {
        for (var entry : new ArrayList<>(entries.values())) {
            if (entry.caseKey().equals(key)) {
                entries.put(entry.id(), entry.erased());
            }
        }
    }

    /** Every entry, in the order made. */
    public synchronized List<ThreadEntry> all() {
        return entries.values().stream()
                .sorted(Comparator.comparing(ThreadEntry::id))
                .toList();
    }
}
