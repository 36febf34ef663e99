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

/** Acknowledgement records in memory: once per case, {@code perAddressPerDay} per address and UTC day, {@code desksPerDay} in all. */
public final class InMemoryAcknowledgements implements Acknowledgements {

    private final int perAddressPerDay;
    private final Set<ComplaintKey> acknowledged = new HashSet<>();
    private final Map<String, Integer> perDay = new HashMap<>();

    private final int desksPerDay;
    private final Map<LocalDate, Integer> budget = new HashMap<>();

    public InMemoryAcknowledgements(int perAddressPerDay) {
        this(perAddressPerDay, Integer.MAX_VALUE);
    }

    public InMemoryAcknowledgements(int perAddressPerDay, int desksPerDay) {
        this.perAddressPerDay = perAddressPerDay;
        this.desksPerDay = desksPerDay;
    }

    @Override
    public synchronized Outcome record(Complaint complaint, Instant now) {
        var date = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String day = AcknowledgementAddress.limitHash(complaint.complainant().email())
                        .value() + "#" + date;
        if (acknowledged.contains(complaint.key())) {
            return Outcome.ALREADY_ACKNOWLEDGED;
        }
        if (perDay.getOrDefault(day, 0) >= perAddressPerDay) {
            return Outcome.ADDRESS_LIMIT;
        }
        if (budget.getOrDefault(date, 0) >= desksPerDay) {
            return Outcome.BUDGET;
        }
        acknowledged.add(complaint.key());
        perDay.merge(day, 1, Integer::sum);
        budget.merge(date, 1, Integer::sum);
        return Outcome.RECORDED;
    }
}
