package org.abusedesk.statistics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.complaint.Channel;

/** The complaints the desk received on one day (Berlin time), by channel; a channel without any is 0. */
public record DailyComplaints(LocalDate day, Map<Channel, Long> byChannel) {

    public DailyComplaints {
        Objects.requireNonNull(day, "day == null");
        var all = new EnumMap<Channel, Long>(Channel.class);
        for (var channel : Channel.values()) {
            all.put(channel, byChannel.getOrDefault(channel, 0L));
        }
        byChannel = Map.copyOf(all);
    }

    public long count(Channel channel) {
        return byChannel.get(channel);
    }

    public long total() {
        return byChannel.values().stream().mapToLong(Long::longValue).sum();
    }
}
