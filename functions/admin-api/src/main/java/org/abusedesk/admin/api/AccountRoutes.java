package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.account.Account;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.StatusChange;
import org.abusedesk.account.StatusChangeRequest;
import org.abusedesk.suppression.ListSuppressions;
import org.abusedesk.suppression.Suppression;

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

    /** {@code GET /admin/accounts/{accountId}}: the history is its own, paged route. */
    Map<String, Object> show(AdminRequest request) {
        return showAccount
                .show(request.path("accountId"))
                .map(AccountRoutes::view)
                .orElseThrow(() -> new AdminProblem(404, "accountId", "no complaint has named this account yet"));
    }

    /** {@code GET /admin/accounts/{accountId}/history}: newest change first. */
    Map<String, Object> history(AdminRequest request) {
        return CaseRoutes.page(showAccount.history(request.path("accountId"), request.page()), AccountRoutes::view);
    }

    /** {@code PUT /admin/accounts/{accountId}/status}: a person's decision, recorded with who and why. */
    Map<String, Object> setStatus(AdminRequest request) {
        JsonNode body = request.json();
        if (request.caller().isBlank()) {
            throw new AdminProblem(403, null, "the token names nobody to record as changing the status");
        }
        var change = changeStatus.change(new StatusChangeRequest(
                request.path("accountId"),
                AdminRequest.text(body, "status"),
                AdminRequest.text(body, "expectedStatus"),
                AdminRequest.text(body, "reason"),
                request.caller()));
        var view = new LinkedHashMap<String, Object>();
        view.put("accountId", change.accountId().value());
        view.putAll(view(change));
        return view;
    }

    /** {@code GET /admin/accounts/{accountId}/suppressions}: by address hash only. */
    Map<String, Object> suppressions(AdminRequest request) {
        return CaseRoutes.page(listSuppressions.list(request.path("accountId"), request.page()), AccountRoutes::view);
    }

    private static Map<String, Object> view(Account account) {
        var view = new LinkedHashMap<String, Object>();
        view.put("accountId", account.id().value());
        view.put("status", account.status().name());
        view.put("complaints", account.complaints());
        view.put("verifiedComplaints", account.verifiedComplaints());
        return view;
    }

    private static Map<String, Object> view(StatusChange change) {
        var view = new LinkedHashMap<String, Object>();
        view.put("at", change.at().toString());
        view.put("from", change.from().name());
        view.put("to", change.to().name());
        view.put("changedBy", change.changedBy());
        view.put("reason", change.reason());
        view.put("ratePercent", change.statistics().ratePercent().toPlainString());
        view.put("complaints", change.statistics().complaints());
        view.put("verifiedComplaints", change.statistics().verifiedComplaints());
        view.put("recipients", change.statistics().recipients());
        view.put("complaintIds", change.complaintIds());
        return view;
    }

    private static Map<String, Object> view(Suppression suppression) {
        var view = new LinkedHashMap<String, Object>();
        view.put("addressHash", suppression.addressHash().value());
        view.put("since", suppression.since().toString());
        view.put("complaintId", suppression.complaintId());
        return view;
    }
}
