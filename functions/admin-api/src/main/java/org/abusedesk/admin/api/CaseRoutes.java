package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.paging.Page;
import org.abusedesk.people.Actor;

/** The abuse team's cases: listed a page at a time, opened one by one, closed with a note, exported as evidence. */
final class CaseRoutes {

    private final ListCases listCases;
    private final ViewCase viewCase;
    private final CloseCase closeCase;
    private final ExportCase exportCase;

    CaseRoutes(ListCases listCases, ViewCase viewCase, CloseCase closeCase, ExportCase exportCase) {
        this.listCases = Objects.requireNonNull(listCases, "listCases == null");
        this.viewCase = Objects.requireNonNull(viewCase, "viewCase == null");
        this.closeCase = Objects.requireNonNull(closeCase, "closeCase == null");
        this.exportCase = Objects.requireNonNull(exportCase, "exportCase == null");
    }

    /** The routes, by their keys in the template: the cases, and those of a mailing and of an account. */
    Map<String, AdminRoute> routes() {
        String aCase = "/admin/complaints/{mailingId}/{complaintId}";
        return Map.of(
                "GET /admin/complaints",
                AdminRoute.reading(this::list),
                "GET /admin/mailings/{mailingId}/complaints",
                AdminRoute.reading(this::ofMailing),
                "GET /admin/accounts/{accountId}/complaints",
                AdminRoute.reading(this::ofAccount),
                "GET " + aCase,
                AdminRoute.reading(this::view),
                "GET " + aCase + "/xarf",
                AdminRoute.reading(this::xarf),
                "GET " + aCase + "/csa",
                AdminRoute.reading(this::csa),
                "POST " + aCase + "/resolve",
                AdminRoute.writing(this::resolve),
                "POST " + aCase + "/dismiss",
                AdminRoute.writing(this::dismiss));
    }

    /** {@code GET /admin/mailings/{mailingId}/complaints}: oldest first. */
    PageView<CaseSummaryView> ofMailing(AdminRequest request) {
        var mailingId = mailingId(request.path("mailingId"));
        return page(listCases.ofMailing(mailingId, request.range(), request.page()));
    }

    /** {@code GET /admin/accounts/{accountId}/complaints}: oldest first. */
    PageView<CaseSummaryView> ofAccount(AdminRequest request) {
        var accountId = accountId(request.path("accountId"));
        return page(listCases.ofAccount(accountId, request.range(), request.page()));
    }

    /** {@code GET /admin/complaints?state=}: the cases in one state, or without one the open cases first. */
    PageView<CaseSummaryView> list(AdminRequest request) {
        String state = request.query().get("state");
        if (state == null || state.isBlank()) {
            return page(listCases.openFirst(request.range(), request.page()));
        }
        return page(listCases.inState(state(state), request.range(), request.page()));
    }

    /** {@code GET /admin/complaints/{mailingId}/{complaintId}}: everything stored, with a link to the raw mail. */
    CaseFileView view(AdminRequest request) {
        var view = viewCase.view(key(request));
        return CaseFileView.of(view.file(), view.evidenceLink(), view.thread());
    }

    ClosedCaseView resolve(AdminRequest request) {
        return close(request, closeCase::resolve);
    }

    ClosedCaseView dismiss(AdminRequest request) {
        return close(request, closeCase::dismiss);
    }

    /** {@code GET .../xarf}: the X-ARF v4 report, as it would be sent. */
    JsonNode xarf(AdminRequest request) {
        return tree(exportCase.xarf(key(request)));
    }

    /** {@code GET .../csa}: the evidence bundle that answers the Certified Senders Alliance. */
    JsonNode csa(AdminRequest request) {
        return tree(exportCase.csaBundle(key(request)));
    }

    /** How a case is closed: by whom, with which note. */
    @FunctionalInterface
    private interface Closing {
        CaseFile close(ComplaintKey key, Actor actor, String note);
    }

    private ClosedCaseView close(AdminRequest request, Closing closing) {
        var key = key(request);
        String note = AdminRequest.text(request.json(), "note");
        if (note == null || note.isBlank()) {
            throw new AdminProblem(400, "note", "is required");
        }
        if (request.caller().isBlank()) {
            throw new AdminProblem(403, null, "the token names nobody to record as closing the case");
        }
        CaseFile file;
        try {
            file = closing.close(key, request.actor(), note);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "note", e.getMessage());
        }
        return ClosedCaseView.of(key, file);
    }

    private static PageView<CaseSummaryView> page(Page<CaseSummary> page) {
        return PageView.of(page, CaseSummaryView::of);
    }

    private static JsonNode tree(String json) {
        try {
            return AdminJson.read(json);
        } catch (IOException e) {
            throw new IllegalStateException("the export wrote no JSON", e);
        }
    }

    private static ComplaintKey key(AdminRequest request) {
        return new ComplaintKey(mailingId(request.path("mailingId")), complaintId(request.path("complaintId")));
    }

    private static ComplaintState state(String value) {
        try {
            return ComplaintState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "state", "must be one of " + Arrays.toString(ComplaintState.values()));
        }
    }

    static MailingId mailingId(String value) {
        try {
            return new MailingId(value);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "mailingId", "is not a Mailing ID");
        }
    }

    private static AccountId accountId(String value) {
        try {
            return new AccountId(value);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "accountId", "is not an account id");
        }
    }

    private static ComplaintId complaintId(String value) {
        try {
            return new ComplaintId(value);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "complaintId", "is not a complaint id");
        }
    }
}
