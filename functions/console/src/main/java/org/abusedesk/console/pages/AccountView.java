package org.abusedesk.console.pages;

import gg.jte.Content;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.Account;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.StatusChange;
import org.abusedesk.registration.Mailing;
import org.abusedesk.statistics.RatePoint;

/**
 * An account's page: its status, contact and history, its complaint rate over 30 or 90 days against the thresholds
 * (chart and table), its mailings with their rates, and the forms that set its status and its contact.
 *
 * @param account empty when no complaint named it yet; its status is ACTIVE then
 * @param contact empty when none was set
 * @param contactForm what the contact form shows: the contact, or what was typed and what is wrong with it
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
        List<StatusChange> history,
        Optional<AccountContact> contact,
        ContactForm contactForm) {

    /** A mailing and its complaint rate; no rate without a recipient count. */
    public record MailingRate(Mailing mailing, Optional<BigDecimal> ratePercent) {}

    /**
     * The contact form's fields as shown, and the error beside each field that has one, in the page's language.
     *
     * @param language {@code de} or {@code en}: the option chosen
     * @param errors by field name ({@code email}, {@code name}, {@code language})
     */
    public record ContactForm(String email, String name, String language, Map<String, String> errors) {

        public ContactForm {
            Objects.requireNonNull(email, "email == null");
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(language, "language == null");
            errors = Map.copyOf(errors);
        }

        /** The error beside the field; null when it has none. */
        public String error(String field) {
            return errors.get(field);
        }
    }

    public AccountView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(account, "account == null");
        Objects.requireNonNull(chart, "chart == null");
        points = List.copyOf(points);
        mailings = List.copyOf(mailings);
        history = List.copyOf(history);
        Objects.requireNonNull(contact, "contact == null");
        Objects.requireNonNull(contactForm, "contactForm == null");
    }

    public AccountStatus status() {
        return account.map(Account::status).orElse(AccountStatus.ACTIVE);
    }

    /** The statuses a person may set: every one but the current. */
    public List<AccountStatus> choices() {
        return Arrays.stream(AccountStatus.values()).filter(s -> s != status()).toList();
    }
}
