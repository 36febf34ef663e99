package org.abusedesk.statistics;

import java.math.BigDecimal;
import java.util.Objects;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ComplaintStatistics;

/**
 * An account's standing against the thresholds now: its status, its statistics as the escalation computes them,
 * and its rate in percent of recipients.
 */
public record AccountStanding(
        AccountId accountId, AccountStatus status, ComplaintStatistics statistics, BigDecimal ratePercent) {

    public AccountStanding {
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(statistics, "statistics == null");
        Objects.requireNonNull(ratePercent, "ratePercent == null");
    }
}
