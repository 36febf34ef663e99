package org.abusedesk.console.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.registration.ShowMailing;

/** {@code /mailings/{mailingId}}: a mailing, its complaints over time and its complaints, a page at a time. */
final class MailingPage {

    /** The most days the chart spans: the latest of a page's days, when its complaints came in over more. */
    static final int MAX_DAYS = 90;

    private final ShowMailing showMailing;
    private final ListCases listCases;

    MailingPage(ConsoleUseCases useCases) {
        this.showMailing = useCases.showMailing();
        this.listCases = useCases.listCases();
    }

    ConsoleResponse show(ConsoleRequest request, String mailingId) {
        MailingId id;
        try {
            id = new MailingId(mailingId);
        } catch (IllegalArgumentException e) {
            throw new NoSuchPage();
        }
        var t = PageText.of(request.language());
        var mailing = showMailing.show(id.value());
        var page = listCases.ofMailing(id, TimeRange.ANY, new PageRequest(request.query("cursor"), Page.MAX_LIMIT));
        if (mailing.isEmpty()
                && page.items().isEmpty()
                && request.query("cursor").isEmpty()) {
            return Problems.of(request, 404, Links.overview());
        }
        var perDay = perDay(page.items());
        var chart = SvgBarChart.render(
                "mailing-per-day",
                t.get("mailing.chart.title"),
                t.get("mailing.chart.desc", id.value(), t.number(page.items().size()), perDay.size()),
                List.of(new SvgBarChart.Series(t.get("mailing.chart.series"), "series-all")),
                perDay.stream()
                        .map(d -> new SvgBarChart.Bar(t.date(d.day()), List.of(d.count())))
                        .toList(),
                Math.max(1, perDay.size() / 6));
        var next = page.next().map(cursor -> Links.with(request.path(), Map.of(), Map.of("cursor", cursor)));
        var frame = Frame.of(request, t.get("mailing.title", id.value()), "mailings");
        return Templates.page(
                200,
                "mailing.jte",
                new MailingView(
                        frame,
                        id.value(),
                        mailing,
                        mailing.flatMap(AccountPages::rate),
                        chart,
                        perDay,
                        page.items(),
                        next));
    }

    /** Every day from the first complaint's to the last one's, days without any as 0, at most the latest 90. */
    static List<MailingView.DayCount> perDay(List<CaseSummary> complaints) {
        var counts = new TreeMap<LocalDate, Long>();
        complaints.forEach(c -> counts.merge(LocalDate.ofInstant(c.receivedAt(), PageText.BERLIN), 1L, Long::sum));
        if (counts.isEmpty()) {
            return List.of();
        }
        var last = counts.lastKey();
        var first = counts.firstKey().isBefore(last.minusDays(MAX_DAYS - 1))
                ? last.minusDays(MAX_DAYS - 1)
                : counts.firstKey();
        var days = new ArrayList<MailingView.DayCount>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new MailingView.DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return days;
    }
}
