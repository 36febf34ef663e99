package org.abusedesk.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.account.AccountId;

/** Rate points in memory, per account, given as they are and read back by time range. */
public final class InMemoryRateHistory implements RateHistory {

    private final Map<AccountId, List<RatePoint>> points = new HashMap<>();

    public void add(AccountId id, RatePoint point) {
        points.computeIfAbsent(id, key -> new ArrayList<>()).add(point);
    }

    @Override
    public List<RatePoint> of(AccountId accountId, Instant from, Instant to) {
        return points.getOrDefault(accountId, List.of()).stream()
                .filter(p -> !p.at().isBefore(from) && !p.at().isAfter(to))
                .sorted(Comparator.comparing(RatePoint::at))
                .toList();
    }
}
