package org.abusedesk.statistics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.Thresholds;

/** Account standings in memory, ordered by the same rule as the real ones ({@link NearestThresholds}). */
public final class InMemoryAccountStandings implements AccountStandings {

    private final Map<AccountId, AccountStanding> standings = new LinkedHashMap<>();
    private final NearestThresholds nearest;

    public InMemoryAccountStandings(Thresholds thresholds) {
        this.nearest = new NearestThresholds(thresholds);
    }

    public InMemoryAccountStandings() {
        this(Thresholds.DEFAULTS);
    }

    /** Sets an account's status and statistics, replacing what it had. */
    public void put(AccountId id, AccountStatus status, ComplaintStatistics statistics) {
        standings.put(id, new AccountStanding(id, status, statistics, statistics.ratePercent()));
    }

    @Override
    public List<AccountStanding> nearestThresholds(int limit, Instant now) {
        return nearest.nearest(List.copyOf(standings.values()), limit);
    }
}
