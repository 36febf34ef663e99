package org.abusedesk.processing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.suppression.AddressHash;

/** Acknowledgement records in memory: once per case, {@code perAddressPerDay} per address and UTC day. */
public final class InMemoryAcknowledgements implements Acknowledgements {

    private final int perAddressPerDay;
    private final Set<ComplaintKey> acknowledged = new HashSet<>();
    private final Map<String, Integer> perDay = new HashMap<>();

    public InMemoryAcknowledgements(int perAddressPerDay) {
        this.perAddressPerDay = perAddressPerDay;
    }

    @Override
    public synchronized boolean record(Complaint complaint, Instant now) {
        String day = AddressHash.of(complaint.complainant().email()).value() + "#"
                + LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (acknowledged.contains(complaint.key()) || perDay.getOrDefault(day, 0) >= perAddressPerDay) {
            return false;
        }
        acknowledged.add(complaint.key());
        perDay.merge(day, 1, Integer::sum);
        return true;
    }
}
