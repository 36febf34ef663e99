package org.abusedesk.statistics;

import java.time.Instant;
import java.util.List;
import org.abusedesk.account.AccountId;

/** An account's complaint rate over time: the account page's chart. */
public interface RateHistory {

    /**
     * The account's rate from {@code from} to {@code to}, in time order: a point at the end of each day and one
     * after each counted complaint, so that a crossing of a threshold shows where it happened.
     */
    List<RatePoint> of(AccountId accountId, Instant from, Instant to);
}
