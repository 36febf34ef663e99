package org.abusedesk.console.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountContactRequest;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.ContactValidator;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.ShowAccountContact;
import org.abusedesk.account.StatusChangeRequest;
import org.abusedesk.account.Thresholds;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.Mailings;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.abusedesk.request.RequestFields;
import org.abusedesk.statistics.RateHistory;

/** {@code /accounts/{accountId}}: an account's page, setting its status in two steps, and setting its contact. */
final class AccountPages {

    static final List<Integer> SPANS = List.of(30, 90);

    private final ShowAccount showAccount;
    private final ChangeAccountStatus changeStatus;
    private final ShowAccountContact showContact;
    private final SetAccountContact setContact;
    private final Mailings mailings;
    private final RateHistory rates;
    private final Thresholds thresholds;
    private final Clock clock;

    AccountPages(ConsoleUseCases useCases) {
        this.showAccount = useCases.showAccount();
        this.changeStatus = useCases.changeAccountStatus();
        this.showContact = useCases.showAccountContact();
        this.setContact = useCases.setAccountContact();
        this.mailings = useCases.mailings();
        this.rates = useCases.rateHistory();
        this.thresholds = useCases.thresholds();
        this.clock = useCases.clock();
    }

    ConsoleResponse show(ConsoleRequest request, String accountId) {
        var id = id(accountId);
        var contact = showContact.show(id.value());
        return page(request, 200, id, contact, contact.map(c -> form(c)).orElse(blankForm(request)));
    }

    /**
     * {@code POST .../contact}: sets the contact, then back to the account; a field that cannot be taken shows the
     * page again, 400, with the error beside it and what was typed.
     */
    ConsoleResponse setContact(ConsoleRequest request, String accountId) {
        var id = id(accountId);
        String email = request.field("email").orElse("");
        String name = request.field("name").orElse("");
        String language = request.field("language").orElse("");
        try {
            setContact.set(new AccountContactRequest(id.value(), email, name, language));
        } catch (InvalidRequestException e) {
            var t = PageText.of(request.language());
            var errors = new LinkedHashMap<String, String>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), contactError(t, error)));
            // What was typed is shown again, but no more of it than the field takes: the page is not an echo.
            var typed = new AccountView.ContactForm(
                    cut(email, ContactValidator.MAX_EMAIL_CHARS),
                    cut(name, ContactValidator.MAX_NAME_CHARS),
                    language.strip().equalsIgnoreCase("en") ? "en" : "de",
                    errors);
            return page(request, 400, id, showContact.show(id.value()), typed);
        }
        return ConsoleResponse.seeOther(Links.account(id));
    }

    private ConsoleResponse page(
            ConsoleRequest request,
            int status,
            AccountId id,
            Optional<AccountContact> contact,
            AccountView.ContactForm contactForm) {
        var t = PageText.of(request.language());
        int days =
                request.query("days").filter(d -> d.equals("90")).map(d -> 90).orElse(30);
        var now = clock.instant();
        var from = now.minus(Duration.ofDays(days));
        var account = showAccount.show(id.value());
        var sent = mailings.sentBy(id, now.minus(Duration.ofDays(SPANS.getLast()))).stream()
                .sorted(Comparator.comparing(Mailing::sentAt).reversed())
                .map(m -> new AccountView.MailingRate(m, rate(m)))
                .toList();
        if (account.isEmpty() && sent.isEmpty() && contact.isEmpty()) {
            return Problems.of(request, 404, Links.overview());
        }
        var points = rates.of(id, from, now);
        var chart = SvgLineChart.render(
                "rate-" + days,
                t.get("account.chart.title", days),
                t.get("account.chart.desc", id.value(), days, points.size()),
                from,
                now,
                points.stream()
                        .map(p -> new SvgLineChart.Point(p.at(), p.ratePercent()))
                        .toList(),
                OverviewPage.lines(t, thresholds),
                List.of(
                        t.date(LocalDate.ofInstant(from, PageText.BERLIN)),
                        t.date(LocalDate.ofInstant(from.plus(Duration.ofDays(days / 2)), PageText.BERLIN)),
                        t.date(LocalDate.ofInstant(now, PageText.BERLIN))),
                t::percent);
        var history = new ArrayList<>(account.map(a -> a.history()).orElse(List.of()));
        Collections.reverse(history);
        var frame = Frame.of(request, t.get("account.title", id.value()), "accounts");
        return Templates.page(
                status,
                "account.jte",
                new AccountView(frame, id.value(), account, days, chart, points, sent, history, contact, contactForm));
    }

    private static AccountView.ContactForm form(AccountContact contact) {
        return new AccountView.ContactForm(
                contact.email(), contact.name(), contact.language().name().toLowerCase(Locale.ROOT), Map.of());
    }

    private static AccountView.ContactForm blankForm(ConsoleRequest request) {
        return new AccountView.ContactForm("", "", request.language().name().toLowerCase(Locale.ROOT), Map.of());
    }

    /** The validator's finding in the page's language: which rule the field broke, not the validator's English. */
    private static String contactError(PageText t, FieldError error) {
        if (RequestFields.REQUIRED.equals(error.message())) {
            return t.get("contact.error.required");
        }
        return switch (error.field()) {
            case "email" ->
                switch (error.message()) {
                    case ContactValidator.EMAIL_DISPLAY_NAME -> t.get("contact.error.email.displayName");
                    case ContactValidator.EMAIL_NOT_ONE -> t.get("contact.error.email.several");
                    default -> t.get("contact.error.email", ContactValidator.MAX_EMAIL_CHARS);
                };
            case "name" -> t.get("contact.error.name", ContactValidator.MAX_NAME_CHARS);
            case "language" -> t.get("contact.error.language");
            default -> error.message();
        };
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }

    /**
     * {@code POST .../status}: without {@code confirm=yes} the page that asks whether to, naming the change; with it
     * the change, then back to the account.
     */
    ConsoleResponse setStatus(ConsoleRequest request, String accountId) {
        var id = id(accountId);
        var t = PageText.of(request.language());
        String reason = request.field("reason").orElse("").strip();
        var to = status(request.field("status").orElse(""));
        var from = status(request.field("expectedStatus").orElse(""));
        var errors = new ArrayList<String>();
        if (to.isEmpty()) {
            errors.add(t.get("field.status") + ": " + t.get("account.error.status"));
        }
        if (from.isEmpty()) {
            errors.add(t.get("field.expectedStatus") + ": " + t.get("account.error.status"));
        }
        if (reason.isEmpty() || reason.length() > ChangeAccountStatus.MAX_REASON_CHARS) {
            errors.add(
                    t.get("field.reason") + ": " + t.get("account.error.reason", ChangeAccountStatus.MAX_REASON_CHARS));
        }
        if (!errors.isEmpty()) {
            return Problems.of(request, 400, errors, Links.account(id));
        }
        if (!request.field("confirm").filter("yes"::equals).isPresent()) {
            var frame = Frame.of(request, t.get("account.confirm.title", id.value()), "accounts");
            return Templates.page(
                    200, "account-confirm.jte", new StatusConfirmView(frame, id.value(), from.get(), to.get(), reason));
        }
        changeStatus.change(new StatusChangeRequest(
                id.value(),
                to.get().name(),
                from.get().name(),
                reason,
                Actors.of(request.person()).subject(),
                Actors.of(request.person()).name()));
        return ConsoleResponse.seeOther(Links.account(id));
    }

    private static Optional<AccountStatus> status(String value) {
        // Four names, each a few letters: anything longer is none of them, and is not looked at further.
        if (value.length() > 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(AccountStatus.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A mailing's rate, computed as the escalation computes an account's; none without a recipient count. */
    static Optional<java.math.BigDecimal> rate(Mailing mailing) {
        if (mailing.recipients().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ComplaintStatistics(
                        mailing.complaints(),
                        Math.min(mailing.verifiedComplaints(), mailing.complaints()),
                        mailing.recipients().getAsLong(),
                        0)
                .ratePercent());
    }

    private static AccountId id(String value) {
        try {
            return new AccountId(value);
        } catch (IllegalArgumentException e) {
            throw new NoSuchPage();
        }
    }
}
