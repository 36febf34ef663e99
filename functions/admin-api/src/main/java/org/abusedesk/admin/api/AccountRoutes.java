package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.StatusChangeRequest;
import org.abusedesk.suppression.ListSuppressions;

/** {@code /admin/accounts/...}: an account's status and counters, its history, its suppressions; setting its status. */
final class AccountRoutes {

    private final ShowAccount showAccount;
    private final ChangeAccountStatus changeStatus;
    private final ListSuppressions listSuppressions;

    AccountRoutes(ShowAccount showAccount, ChangeAccountStatus changeStatus, ListSuppressions listSuppressions) {
        this.showAccount = Objects.requireNonNull(showAccount, "showAccount == null");
        this.changeStatus = Objects.requireNonNull(changeStatus, "changeStatus == null");
        this.listSuppressions = Objects.requireNonNull(listSuppressions, "listSuppressions == null");
    }

    /** The routes, by their keys in the template; an account's cases are listed by {@link CaseRoutes}. */
    Map<String, AdminRoute> routes() {
        return Map.of(
                "GET /admin/accounts/{accountId}", AdminRoute.reading(this::show),
                "GET /admin/accounts/{accountId}/history", AdminRoute.reading(this::history),
                "GET /admin/accounts/{accountId}/suppressions", AdminRoute.reading(this::suppressions),
                "PUT /admin/accounts/{accountId}/status", AdminRoute.writing(this::setStatus));
    }

    /** {@code GET /admin/accounts/{accountId}}: the history is its own, paged route. */
    AccountView show(AdminRequest request) {
        return showAccount
                .show(request.path("accountId"))
                .map(AccountView::of)
                .orElseThrow(() -> new AdminProblem(404, "accountId", "no complaint has named this account yet"));
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
