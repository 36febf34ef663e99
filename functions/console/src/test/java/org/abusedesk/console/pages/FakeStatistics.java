package org.abusedesk.console.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Channel;
import org.abusedesk.statistics.AccountStanding;
import org.abusedesk.statistics.AccountStandings;
import org.abusedesk.statistics.CaseWorkload;
import org.abusedesk.statistics.ComplaintTallies;
import org.abusedesk.statistics.CsaCaseDue;
import org.abusedesk.statistics.DailyComplaints;
import org.abusedesk.statistics.OpenCases;
import org.abusedesk.statistics.RateHistory;
import org.abusedesk.statistics.RatePoint;

/** The console's statistics as a test sets them: per-day tallies, open work, standings and rate histories. */
final class FakeStatistics implements ComplaintTallies, CaseWorkload, AccountStandings, RateHistory {

    final Map<LocalDate, Map<Channel, Long>> tallies = new HashMap<>();
    OpenCases open = new OpenCases(0, Optional.empty());
    final List<CsaCaseDue> csa = new ArrayList<>();
    final List<AccountStanding> standings = new ArrayList<>();
    final Map<AccountId, List<RatePoint>> rates = new HashMap<>();
    /** What the rate history was last asked for: account, from, to. */
    final List<Object> lastRateQuery = new ArrayList<>();

    @Override
    public List<DailyComplaints> days(LocalDate first, LocalDate last) {
        var days = new ArrayList<DailyComplaints>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new DailyComplaints(day, tallies.getOrDefault(day, Map.of())));
        }
        return days;
    }

    @Override
    public OpenCases openCases() {
        return open;
    }

    @Override
    public List<CsaCaseDue> csaCasesDue(int limit) {
        return csa.stream().limit(limit).toList();
    }

    @Override
    public List<AccountStanding> nearestThresholds(int limit, Instant now) {
        return standings.stream().limit(limit).toList();
    }

    @Override
    public List<RatePoint> of(AccountId accountId, Instant from, Instant to) {
        lastRateQuery.clear();
        lastRateQuery.addAll(List.of(accountId, from, to));
        return rates.getOrDefault(accountId, List.of()).stream()
                .filter(p -> !p.at().isBefore(from) && !p.at().isAfter(to))
                .toList();
    }
}
