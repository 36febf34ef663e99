package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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

/** The abuse team's cases: listed a page at a time, opened one by one, closed with a note, exported as evidence. */
final class CaseRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** {@code GET /admin/mailings/{mailingId}/complaints}: oldest first. */
    Map<String, Object> ofMailing(AdminRequest request) {
        var mailingId = mailingId(request.path("mailingId"));
        return page(listCases.ofMailing(mailingId, request.range(), request.page()));
    }

    /** {@code GET /admin/accounts/{accountId}/complaints}: oldest first. */
    Map<String, Object> ofAccount(AdminRequest request) {
        var accountId = accountId(request.path("accountId"));
        return page(listCases.ofAccount(accountId, request.range(), request.page()));
    }

    /** {@code GET /admin/complaints?state=}: the cases in one state, or without one the open cases first. */
    Map<String, Object> list(AdminRequest request) {
        String state = request.query().get("state");
        if (state == null || state.isBlank()) {
            return page(listCases.openFirst(request.range(), request.page()));
        }
        return page(listCases.inState(state(state), request.range(), request.page()));
    }

    /** {@code GET /admin/complaints/{mailingId}/{complaintId}}: everything stored, with a link to the raw mail. */
    Map<String, Object> view(AdminRequest request) {
        var view = viewCase.view(key(request));
        var body = CaseViews.file(view.file());
        body.put("evidenceLink", view.evidenceLink().map(Object::toString).orElse(null));
        return body;
    }

    Map<String, Object> resolve(AdminRequest request) {
        return close(request, closeCase::resolve);
    }

    Map<String, Object> dismiss(AdminRequest request) {
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
        CaseFile close(ComplaintKey key, String actor, String note);
    }

    private Map<String, Object> close(AdminRequest request, Closing closing) {
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
            file = closing.close(key, request.caller(), note);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "note", e.getMessage());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("mailingId", key.mailingId().value());
        body.put("complaintId", key.complaintId().value());
        body.put("state", file.complaint().state().name());
        file.closure().ifPresent(closure -> {
            body.put("closedBy", closure.actor());
            body.put("closedAt", closure.at().toString());
        });
        return body;
    }

    static Map<String, Object> summary(CaseSummary summary) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mailingId", summary.key().mailingId().value());
        view.put("complaintId", summary.key().complaintId().value());
        view.put("state", summary.state().name());
        view.put("classification", summary.classification().name());
        view.put("channel", summary.channel().name());
        view.put("receivedAt", summary.receivedAt().toString());
        view.put("accountId", summary.account().map(AccountId::value).orElse(null));
        view.put("claimedAccountId", summary.claimedAccount().orElse(null));
        view.put("verified", summary.verified());
        view.put("mailingIdSource", summary.mailingIdSource().orElse(null));
        view.put("erasedAt", summary.erasedAt().map(Instant::toString).orElse(null));
        return view;
    }

    static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> view) {
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.items().stream().map(view).toList());
        body.put("next", page.next().orElse(null));
        return body;
    }

    private static Map<String, Object> page(Page<CaseSummary> page) {
        return page(page, CaseRoutes::summary);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
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
