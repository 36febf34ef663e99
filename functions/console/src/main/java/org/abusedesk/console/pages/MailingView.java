package org.abusedesk.console.pages;

import gg.jte.Content;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.registration.Mailing;

/**
 * A mailing's page: its registration and counters, its complaints per day (chart and table), and its complaints.
 *
 * @param mailing empty when the mailing is not registered, though complaints named it
 * @param perDay the complaints of this page per day, oldest first
 * @param next the next page of complaints, where there are more
 */
public record MailingView(
        Frame f,
        String mailingId,
        Optional<Mailing> mailing,
        Optional<BigDecimal> ratePercent,
        Content chart,
        List<DayCount> perDay,
        List<CaseSummary> complaints,
        Optional<String> next) {

    /** Complaints received on one day, Berlin time. */
    public record DayCount(LocalDate day, long count) {}

    public MailingView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(mailingId, "mailingId == null");
        Objects.requireNonNull(mailing, "mailing == null");
        Objects.requireNonNull(ratePercent, "ratePercent == null");
        Objects.requireNonNull(chart, "chart == null");
        perDay = List.copyOf(perDay);
        complaints = List.copyOf(complaints);
        Objects.requireNonNull(next, "next == null");
    }
}
