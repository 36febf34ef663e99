package org.abusedesk.console.pages;

import gg.jte.Content;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.Thresholds;
import org.abusedesk.statistics.AccountStanding;
import org.abusedesk.statistics.CsaCaseDue;
import org.abusedesk.statistics.DailyComplaints;
import org.abusedesk.statistics.OpenCases;

/**
 * The overview: complaints per day and channel over the last 30 days (chart and table), the open work, the accounts
 * nearest their thresholds (which the page names) and the CSA cases with their deadlines.
 *
 * @param oldestAge how long the oldest open case has waited, in words; empty without open cases
 * @param overdue the cases waiting for their customer past the date they were given
 */
public record OverviewView(
        Frame f,
        Content chart,
        List<DailyComplaints> days,
        OpenCases open,
        Optional<String> oldestAge,
        OverdueCases overdue,
        List<Standing> standings,
        List<CsaCaseDue> csaCases,
        Thresholds thresholds) {

    /** An account's standing and the next threshold above its status, if there is one. */
    public record Standing(AccountStanding standing, Optional<AccountStatus> next, Optional<BigDecimal> nextRate) {}

    public OverviewView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(chart, "chart == null");
        days = List.copyOf(days);
        Objects.requireNonNull(open, "open == null");
        Objects.requireNonNull(oldestAge, "oldestAge == null");
        Objects.requireNonNull(overdue, "overdue == null");
        standings = List.copyOf(standings);
        csaCases = List.copyOf(csaCases);
        Objects.requireNonNull(thresholds, "thresholds == null");
    }
}
