package org.abusedesk.console.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.abusedesk.account.Account;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;

/**
 * {@code /cases}: the open cases first, filtered by state, channel, mailing, account and the days received, a page
 * at a time. The listing is the most selective one the filters name (mailing, account, state, else open first); the
 * other filters thin its page, so a page may show fewer cases while its cursor still goes on.
 */
final class QueuePage {

    static final List<String> FILTERS = List.of("state", "channel", "mailing", "account", "from", "to");
    private static final int DATE_LENGTH = 10;

    private final ListCases listCases;
    private final ShowAccount showAccount;
    private final Clock clock;

    QueuePage(ConsoleUseCases useCases) {
        this.listCases = useCases.listCases();
        this.showAccount = useCases.showAccount();
        this.clock = useCases.clock();
    }

    ConsoleResponse show(ConsoleRequest request) {
        var t = PageText.of(request.language());
        var typed = new HashMap<String, String>();
        FILTERS.forEach(name -> request.query(name).ifPresent(value -> typed.put(name, value.strip())));
        var errors = new ArrayList<String>();
        var state = one(t, errors, "state", typed.get("state"), ComplaintState.class);
        var channel = one(t, errors, "channel", typed.get("channel"), Channel.class);
        var mailing = id(t, errors, "mailing", typed.get("mailing"), MailingId::new);
        var account = id(t, errors, "account", typed.get("account"), AccountId::new);
        var from = day(t, errors, "from", typed.get("from"));
        var to = day(t, errors, "to", typed.get("to"));
        TimeRange range = TimeRange.ANY;
        if (errors.isEmpty()) {
            try {
                range = new TimeRange(
                        from.map(day -> day.atStartOfDay(PageText.BERLIN).toInstant()),
                        to.map(day ->
                                day.plusDays(1).atStartOfDay(PageText.BERLIN).toInstant()));
            } catch (IllegalArgumentException e) {
                errors.add(t.get("field.to") + ": " + t.get("queue.error.range"));
            }
        }
        var title = t.get("queue.title");
        if (!errors.isEmpty()) {
            var frame = Frame.of(request, t.get("page.error") + ": " + title, "cases");
            return Templates.page(400, "queue.jte", new QueueView(frame, typed, List.of(), Optional.empty(), errors));
        }
        var page = new PageRequest(request.query("cursor"), Page.DEFAULT_LIMIT);
        Page<CaseSummary> listed;
        if (mailing.isPresent()) {
            listed = listCases.ofMailing(mailing.get(), range, page);
        } else if (account.isPresent()) {
            listed = listCases.ofAccount(account.get(), range, page);
        } else if (state.isPresent()) {
            listed = listCases.inState(state.get(), range, page);
        } else {
            listed = listCases.openFirst(range, page);
        }
        var statuses = new HashMap<AccountId, Optional<AccountStatus>>();
        var now = clock.instant();
        var rows = listed.items().stream()
                .filter(s -> state.map(wanted -> s.state() == wanted).orElse(true))
                .filter(s -> channel.map(wanted -> s.channel() == wanted).orElse(true))
                .filter(s -> account.map(
                                wanted -> s.account().filter(wanted::equals).isPresent())
                        .orElse(true))
                .map(s -> row(s, s.account().flatMap(id -> statuses.computeIfAbsent(id, this::status)), now))
                .sorted(ORDER)
                .toList();
        var next = listed.next().map(cursor -> Links.with(request.path(), request.query(), Map.of("cursor", cursor)));
        var frame = Frame.of(request, title, "cases");
        return Templates.page(200, "queue.jte", new QueueView(frame, typed, rows, next, List.of()));
    }

    private static QueueView.Row row(CaseSummary summary, Optional<AccountStatus> status, Instant now) {
        return new QueueView.Row(summary, status, summary.dueAt(), summary.overdueAt(now));
    }

    /** Overdue first, open before closed, escalated accounts first, verified before unverified, then oldest first. */
    static final Comparator<QueueView.Row> ORDER = Comparator.comparing((QueueView.Row row) -> !row.overdue())
            .thenComparing(row -> !row.summary().state().open())
            .thenComparing(row -> -row.accountStatus().map(Enum::ordinal).orElse(0))
            .thenComparing(row -> !row.summary().verified())
            .thenComparing(row -> row.summary().key().complaintId().value());

    private Optional<AccountStatus> status(AccountId id) {
        return showAccount.show(id.value()).map(Account::status);
    }

    private static <E extends Enum<E>> Optional<E> one(
            PageText t, List<String> errors, String field, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(constant);
            }
        }
        errors.add(t.get("field." + field) + ": " + t.get("queue.error.choice"));
        return Optional.empty();
    }

    private static <I> Optional<I> id(
            PageText t, List<String> errors, String field, String value, Function<String, I> of) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of.apply(value));
        } catch (IllegalArgumentException e) {
            errors.add(t.get("field." + field) + ": " + t.get("queue.error.id"));
            return Optional.empty();
        }
    }

    /** A day as a date field sends it, {@code 2026-11-27}; the length is checked before it is parsed. */
    private static Optional<LocalDate> day(PageText t, List<String> errors, String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() == DATE_LENGTH) {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                // told below, as for a value of another length
            }
        }
        errors.add(t.get("field." + field) + ": " + t.get("queue.error.date"));
        return Optional.empty();
    }
}
