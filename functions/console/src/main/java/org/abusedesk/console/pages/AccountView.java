package org.abusedesk.console.pages;

import gg.jte.Content;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.Account;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.StatusChange;
import org.abusedesk.registration.Mailing;
import org.abusedesk.statistics.RatePoint;

/**
 * An account's page: its status and history, its complaint rate over 30 or 90 days against the thresholds (chart
 * and table), its mailings with their rates, and the form that sets its status.
 *
 * @param account empty when no complaint named it yet; its status is ACTIVE then
 * @param days the chart's span: 30 or 90
 * @param history the status changes, newest first
 */
public record AccountView(
        Frame f,
        String accountId,
        Optional<Account> account,
        int days,
        Content chart,
        List<RatePoint> points,
        List<MailingRate> mailings,
        List<StatusChange> history) {

    /** A mailing and its complaint rate; no rate without a recipient count. */
    public record MailingRate(Mailing mailing, Optional<BigDecimal> ratePercent) {}

    public AccountView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(account, "account == null");
        Objects.requireNonNull(chart, "chart == null");
        points = List.copyOf(points);
        mailings = List.copyOf(mailings);
        history = List.copyOf(history);
    }

    public AccountStatus status() {
        return account.map(Account::status).orElse(AccountStatus.ACTIVE);
    }

    /** The statuses a person may set: every one but the current. */
    public List<AccountStatus> choices() {
        return Arrays.stream(AccountStatus.values()).filter(s -> s != status()).toList();
    }
}
