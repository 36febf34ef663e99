package org.abusedesk.console.pages;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.cases.CaseSummary;

/**
 * The queue: the filter form with what was asked, one page of cases, and the link to the next page.
 *
 * @param filters the filter fields as typed, by name: state, channel, mailing, account, from, to
 * @param errors each filter that cannot be read, in words; the queue is empty then
 * @param next the next page's address, where there is more
 */
public record QueueView(
        Frame f, Map<String, String> filters, List<Row> rows, Optional<String> next, List<String> errors) {

    /**
     * One case of the queue, with its account's status, which puts escalated accounts' cases first, and its due date
     * while it waits for its customer, which puts overdue cases before all.
     */
    public record Row(
            CaseSummary summary, Optional<AccountStatus> accountStatus, Optional<Instant> dueAt, boolean overdue) {}

    public QueueView {
        Objects.requireNonNull(f, "f == null");
        filters = Map.copyOf(filters);
        rows = List.copyOf(rows);
        Objects.requireNonNull(next, "next == null");
        errors = List.copyOf(errors);
    }

    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    public boolean selected(String name, Enum<?> value) {
        return value.name().equals(filter(name));
    }
}
