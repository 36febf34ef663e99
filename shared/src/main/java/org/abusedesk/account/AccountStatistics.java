package org.abusedesk.account;

import java.time.Instant;

/** An account's complaint statistics as of a moment, computed as the automatic escalation computes them. */
@FunctionalInterface
public interface AccountStatistics {

    ComplaintStatistics of(AccountId accountId, Instant now);
}
