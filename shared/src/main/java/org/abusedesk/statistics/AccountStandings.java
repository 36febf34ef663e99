package org.abusedesk.statistics;

import java.time.Instant;
import java.util.List;

/** The accounts whose complaint rates come nearest to their next threshold. */
public interface AccountStandings {

    /** At most {@code limit} accounts, the nearest to their next threshold first. */
    List<AccountStanding> nearestThresholds(int limit, Instant now);
}
