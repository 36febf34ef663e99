package org.abusedesk.reconcile;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;

/** The complaints table's indexes over the in-memory table, as up to date as the table (DynamoDB's lag behind). */
public final class InMemoryComplaintIndexes implements ComplaintsByReceipt, ComplaintsByState {

    private final InMemoryComplaints complaints;

    public InMemoryComplaintIndexes(InMemoryComplaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public boolean anyFor(String receiptId) {
        return complaints.all().stream()
                .flatMap(c -> c.attribution().provenance().stream())
                .anyMatch(p -> p.receiptId().equals(receiptId));
    }

    @Override
    public List<Entry> inStateBefore(ComplaintState state, Instant before) {
        String bound = Ulid.min(before.toEpochMilli()).toString();
        return complaints.all().stream()
                .filter(c -> c.state() == state && c.id().value().compareTo(bound) < 0)
                .sorted(Comparator.comparing(c -> c.id().value()))
                .map(c -> new Entry(c.key(), c.classification()))
                .toList();
    }
}
