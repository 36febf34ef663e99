package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.account.Account;
import org.abusedesk.account.AccountContactRequest;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.ShowAccountContact;
import org.abusedesk.account.StatusChangeRequest;
import org.abusedesk.registration.ImportAccountContacts;
import org.abusedesk.suppression.ListSuppressions;

/**
 * {@code /admin/accounts/...}: an account's status, counters and contact, its history, its suppressions; setting its
 * status and its contact, one account or a CSV file of them.
 */
final class AccountRoutes {

    private final ShowAccount showAccount;
    private final ChangeAccountStatus changeStatus;
    private final ListSuppressions listSuppressions;
    private final AccountContactUseCases contacts;

    /** What the routes do with contacts. */
    record AccountContactUseCases(
            ShowAccountContact show, SetAccountContact set, ImportAccountContacts importContacts) {

        AccountContactUseCases {
            Objects.requireNonNull(show, "show == null");
            Objects.requireNonNull(set, "set == null");
            Objects.requireNonNull(importContacts, "importContacts == null");
        }
    }

    AccountRoutes(
            ShowAccount showAccount,
            ChangeAccountStatus changeStatus,
            ListSuppressions listSuppressions,
            AccountContactUseCases contacts) {
        this.showAccount = Objects.requireNonNull(showAccount, "showAccount == null");
        this.changeStatus = Objects.requireNonNull(changeStatus, "changeStatus == null");
        this.listSuppressions = Objects.requireNonNull(listSuppressions, "listSuppressions == null");
        this.contacts = Objects.requireNonNull(contacts, "contacts == null");
    }

    /** The routes, by their keys in the template; an account's cases are listed by {@link CaseRoutes}. */
    Map<String, AdminRoute> routes() {
        return Map.of(
                "GET /admin/accounts/{accountId}", AdminRoute.reading(this::show),
                "GET /admin/accounts/{accountId}/history", AdminRoute.reading(this::history),
                "GET /admin/accounts/{accountId}/suppressions", AdminRoute.reading(this::suppressions),
                "PUT /admin/accounts/{accountId}/status", AdminRoute.writing(this::setStatus),
                "PUT /admin/accounts/{accountId}/contact", AdminRoute.writing(this::setContact),
                "POST /admin/accounts/contacts", AdminRoute.writing(this::importContacts));
    }

    /**
     * {@code GET /admin/accounts/{accountId}}: the history is its own, paged route. An account with a contact but no
     * complaint yet is shown ACTIVE with no counts, as the desk treats it.
     */
    AccountView show(AdminRequest request) {
        String accountId = request.path("accountId");
        var contact = contacts.show().show(accountId);
        return showAccount
                .show(accountId)
                .or(() -> contact.map(c -> Account.unknown(new AccountId(accountId.strip()))))
                .map(account -> AccountView.of(account, contact))
                .orElseThrow(() -> new AdminProblem(404, "accountId", "no complaint has named this account yet"));
    }

    /** {@code PUT /admin/accounts/{accountId}/contact}: who hears of the account's complaints, replacing the one before. */
    ContactView setContact(AdminRequest request) {
        JsonNode body = request.json();
        return ContactView.of(contacts.set()
                .set(new AccountContactRequest(
                        request.path("accountId"),
                        AdminRequest.text(body, "email"),
                        AdminRequest.text(body, "name"),
                        AdminRequest.text(body, "language"))));
    }

    /** {@code POST /admin/accounts/contacts}: a CSV file of contacts, each row stored or reported by its line. */
    ContactImportReportView importContacts(AdminRequest request) {
        if (!request.sentAs("text/csv")) {
            throw new AdminProblem(415, null, "send the file as text/csv, its first line the header");
        }
        byte[] csv = request.body().getBytes(StandardCharsets.UTF_8);
        if (csv.length > MailingRoutes.MAX_IMPORT_BYTES) {
            throw new AdminProblem(
                    413,
                    null,
                    "at most " + MailingRoutes.MAX_IMPORT_BYTES + " bytes per request; send larger files in parts");
        }
        return ContactImportReportView.of(contacts.importContacts().importCsv(new ByteArrayInputStream(csv)));
    }

    /** {@code GET /admin/accounts/{accountId}/history}: newest change first. */
    PageView<StatusChangeView> history(AdminRequest request) {
        return PageView.of(showAccount.history(request.path("accountId"), request.page()), StatusChangeView::of);
    }

    /** {@code PUT /admin/accounts/{accountId}/status}: a person's decision, recorded with who and why. */
    StatusChangedView setStatus(AdminRequest request) {
        JsonNode body = request.json();
        if (request.caller().isBlank()) {
            throw new AdminProblem(403, null, "the token names nobody to record as changing the status");
        }
        return StatusChangedView.of(changeStatus.change(new StatusChangeRequest(
                request.path("accountId"),
                AdminRequest.text(body, "status"),
                AdminRequest.text(body, "expectedStatus"),
                AdminRequest.text(body, "reason"),
                request.actor().subject(),
                request.actor().name())));
    }

    /** {@code GET /admin/accounts/{accountId}/suppressions}: by address hash only. */
    PageView<SuppressionView> suppressions(AdminRequest request) {
        return PageView.of(listSuppressions.list(request.path("accountId"), request.page()), SuppressionView::of);
    }
}
