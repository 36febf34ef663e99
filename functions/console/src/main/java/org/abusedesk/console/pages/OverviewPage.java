package org.abusedesk.console.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.Thresholds;
import org.abusedesk.complaint.Channel;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.statistics.AccountStandings;
import org.abusedesk.statistics.CaseWorkload;
import org.abusedesk.statistics.ComplaintTallies;

/** {@code /}: what the abuse team looks at first. */
final class OverviewPage {

    static final int DAYS = 30;
    static final int NEAREST = 10;
    static final int CSA_CASES = 20;

    private final ComplaintTallies tallies;
    private final CaseWorkload workload;
    private final AccountStandings standings;
    private final Thresholds thresholds;
    private final WaitingCases waiting;
    private final Clock clock;

    OverviewPage(ConsoleUseCases useCases) {
        this.waiting = new WaitingCases(useCases);
        this.tallies = useCases.tallies();
        this.workload = useCases.workload();
        this.standings = useCases.standings();
        this.thresholds = useCases.thresholds();
        this.clock = useCases.clock();
    }

    ConsoleResponse show(ConsoleRequest request) {
        var t = PageText.of(request.language());
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, PageText.BERLIN);
        var days = tallies.days(today.minusDays(DAYS - 1), today);
        var series = Arrays.stream(Channel.values())
                .map(channel -> new SvgBarChart.Series(
                        t.name("channel", channel), "series-" + channel.name().toLowerCase(Locale.ROOT)))
                .toList();
        var bars = days.stream()
                .map(day -> new SvgBarChart.Bar(
                        t.date(day.day()),
                        Arrays.stream(Channel.values()).map(day::count).toList()))
                .toList();
        long total = days.stream().mapToLong(d -> d.total()).sum();
        var chart = SvgBarChart.render(
                "complaints-per-day",
                t.get("overview.chart.title", DAYS),
                t.get("overview.chart.desc", DAYS, t.number(total)),
                series,
                bars,
                7);
        var open = workload.openCases();
        var oldestAge = open.oldestReceivedAt().map(at -> t.age(Duration.between(at, now)));
        var nearest = standings.nearestThresholds(NEAREST, now).stream()
                .map(s -> {
                    var next = next(s.status());
                    return new OverviewView.Standing(s, next, next.map(this::rate));
                })
                .toList();
        var frame = Frame.of(request, t.get("overview.title"), "overview");
        return Templates.page(
                200,
                "overview.jte",
                new OverviewView(
                        frame,
                        chart,
                        days,
                        open,
                        oldestAge,
                        waiting.overdue(now),
                        nearest,
                        workload.csaCasesDue(CSA_CASES),
                        thresholds));
    }

    /** The threshold above a status: none above PAUSED. */
    static Optional<AccountStatus> next(AccountStatus status) {
        var all = AccountStatus.values();
        return status.ordinal() + 1 < all.length ? Optional.of(all[status.ordinal() + 1]) : Optional.empty();
    }

    private BigDecimal rate(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> BigDecimal.ZERO;
            case WATCH -> thresholds.watchRatePercent();
            case FLAGGED -> thresholds.flaggedRatePercent();
            case PAUSED -> thresholds.pausedRatePercent();
        };
    }

    /** The thresholds as the charts draw them, lowest first, each named as the desk publishes it. */
    static List<SvgLineChart.Threshold> lines(PageText t, Thresholds thresholds) {
        return List.of(
                new SvgLineChart.Threshold(
                        thresholds.watchRatePercent(),
                        AccountStatus.WATCH.name() + " " + t.percent(thresholds.watchRatePercent()),
                        "threshold-watch"),
                new SvgLineChart.Threshold(
                        thresholds.flaggedRatePercent(),
                        AccountStatus.FLAGGED.name() + " " + t.percent(thresholds.flaggedRatePercent()),
                        "threshold-flagged"),
                new SvgLineChart.Threshold(
                        thresholds.pausedRatePercent(),
                        AccountStatus.PAUSED.name() + " " + t.percent(thresholds.pausedRatePercent()),
                        "threshold-paused"));
    }
}
