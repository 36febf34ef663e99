package org.abusedesk.complaint;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The complaints table in memory, with the same conditions as DynamoDB's, for tests of what uses it. */
public final class InMemoryComplaints implements Complaints {

    private final Map<ComplaintKey, Complaint> items = new LinkedHashMap<>();
    /** As the table's partition key does: a mailing's complaints without a scan of all (benchmarks grow many). */
    private final Map<MailingId, Set<ComplaintKey>> byMailing = new HashMap<>();

    private RuntimeException nextAddFails;

    /** The next {@link #add} throws {@code failure} and stores nothing, as a table that refuses a write. */
    public synchronized void failNextAdd(RuntimeException failure) {
        nextAddFails = failure;
    }

    @Override
    public synchronized void add(Complaint complaint) {
        if (nextAddFails != null) {
            var failure = nextAddFails;
            nextAddFails = null;
            throw failure;
        }
        if (items.putIfAbsent(complaint.key(), complaint) != null) {
            throw new DuplicateComplaintException(complaint.key());
        }
        byMailing
                .computeIfAbsent(complaint.mailingId(), m -> new LinkedHashSet<>())
                .add(complaint.key());
    }

    @Override
    public synchronized Optional<Complaint> find(ComplaintKey key, Instant now) {
        return Optional.ofNullable(items.get(key)).filter(c -> c.readableAt(now));
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
        return ofMailing(mailingId)
                .filter(c -> c.state() == ComplaintState.COUNTED && c.readableAt(now))
                .sorted(java.util.Comparator.comparing(c -> c.id().value()))
                .toList();
    }

    @Override
    public synchronized long countSince(MailingId mailingId, Instant since) {
        return ofMailing(mailingId)
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

    private Stream<Complaint> ofMailing(MailingId mailingId) {
        return byMailing.getOrDefault(mailingId, Set.of()).stream().map(items::get);
    }
}
