package org.abusedesk.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.Channel;

/** Complaints per day and channel in memory, bucketed by Berlin day of receipt as the real tallies are. */
public final class InMemoryComplaintTallies implements ComplaintTallies {

    private final Map<LocalDate, Map<Channel, Long>> counts = new HashMap<>();

    /** Counts one complaint received at {@code receivedAt} by {@code channel}. */
    public void count(Instant receivedAt, Channel channel) {
        counts.computeIfAbsent(BerlinDays.of(receivedAt), day -> new EnumMap<>(Channel.class))
                .merge(channel, 1L, Long::sum);
    }

    @Override
    public List<DailyComplaints> days(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last before first");
        }
        var days = new ArrayList<DailyComplaints>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new DailyComplaints(day, counts.getOrDefault(day, Map.of())));
        }
        return days;
    }
}
