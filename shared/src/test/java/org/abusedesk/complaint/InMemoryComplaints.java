package org.abusedesk.complaint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The complaints table in memory, with the same conditions as DynamoDB's, for tests of what uses it. */
public final class InMemoryComplaints implements Complaints {

    private final Map<ComplaintKey, Complaint> items = new LinkedHashMap<>();

    @Override
    public synchronized void add(Complaint complaint) {
        if (items.putIfAbsent(complaint.key(), complaint) != null) {
            throw new DuplicateComplaintException(complaint.key());
        }
    }

    @Override
    public synchronized Optional<Complaint> find(ComplaintKey key, Instant now) {
        return Optional.ofNullable(items.get(key)).filter(c -> c.expiresAt().isAfter(now));
    }

    @Override
    public synchronized boolean advance(ComplaintKey key, ComplaintState from, ComplaintState to) {
        var complaint = items.get(key);
        if (complaint == null || complaint.state() != from) {
            return false;
        }
        items.put(key, complaint.withState(to));
        return true;
    }

    @Override
    public synchronized List<Complaint> awaitingNotification(MailingId mailingId, Instant now) {
        return items.values().stream()
                .filter(c -> c.mailingId().equals(mailingId))
                .filter(c ->
                        c.state() == ComplaintState.COUNTED && c.expiresAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(c -> c.id().value()))
                .toList();
    }

    @Override
    public synchronized long countSince(MailingId mailingId, Instant since) {
        return items.values().stream()
                .filter(c -> c.mailingId().equals(mailingId))
                .filter(c -> c.classification() == Classification.COMPLAINT
                        && !c.receivedAt().isBefore(since))
                .count();
    }

    /** What an update of an item's attributes writes: the complaint under the same key, changed. */
    public synchronized void replace(Complaint complaint) {
        if (items.replace(complaint.key(), complaint) == null) {
            throw new IllegalArgumentException("no complaint " + complaint.key());
        }
    }

    public synchronized List<Complaint> all() {
        return List.copyOf(items.values());
    }
}
