package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.admin.Page;
import org.abusedesk.admin.PageRequest;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.CaseNotFoundException;
import org.abusedesk.cases.CaseStateException;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.MailingId;

/** The cases of a mailing, a page at a time, and closing one: resolved or dismissed, by whom, with a note. */
final class CaseRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ListCases listCases;
    private final CloseCase closeCase;

    CaseRoutes(ListCases listCases, CloseCase closeCase) {
        this.listCases = Objects.requireNonNull(listCases, "listCases == null");
        this.closeCase = Objects.requireNonNull(closeCase, "closeCase == null");
    }

    /** {@code GET /admin/mailings/{mailingId}/complaints?from=&to=&limit=&cursor=}: oldest first. */
    Map<String, Object> ofMailing(AdminRequest request) {
        var mailingId = mailingId(request.path("mailingId"));
        Page<CaseSummary> page = listCases.ofMailing(mailingId, range(request), pageRequest(request));
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.items().stream().map(CaseRoutes::summary).toList());
        body.put("next", page.next().orElse(null));
        return body;
    }

    Map<String, Object> resolve(AdminRequest request) {
        return close(request, true);
    }

    Map<String, Object> dismiss(AdminRequest request) {
        return close(request, false);
    }

    private Map<String, Object> close(AdminRequest request, boolean resolve) {
        var key = new ComplaintKey(mailingId(request.path("mailingId")), complaintId(request.path("complaintId")));
        String note = note(request);
        if (request.caller().isBlank()) {
            throw new AdminProblem(403, null, "the token names nobody to record as closing the case");
        }
        try {
            CaseFile file = resolve
                    ? closeCase.resolve(key, request.caller(), note)
                    : closeCase.dismiss(key, request.caller(), note);
            var body = new LinkedHashMap<String, Object>();
            body.put("mailingId", key.mailingId().value());
            body.put("complaintId", key.complaintId().value());
            body.put("state", file.complaint().state().name());
            file.closure().ifPresent(closure -> {
                body.put("closedBy", closure.actor());
                body.put("closedAt", closure.at().toString());
            });
            return body;
        } catch (CaseNotFoundException e) {
            throw new AdminProblem(404, "complaintId", "no such case");
        } catch (CaseStateException e) {
            throw new AdminProblem(409, "state", "the case is " + e.state() + " and cannot be closed so");
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "note", e.getMessage());
        }
    }

    static Map<String, Object> summary(CaseSummary summary) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mailingId", summary.key().mailingId().value());
        view.put("complaintId", summary.key().complaintId().value());
        view.put("state", summary.state().name());
        view.put("classification", summary.classification().name());
        view.put("channel", summary.channel().name());
        view.put("receivedAt", summary.receivedAt().toString());
        view.put("accountId", summary.account().map(a -> a.value()).orElse(null));
        view.put("claimedAccountId", summary.claimedAccount().orElse(null));
        view.put("verified", summary.verified());
        view.put("mailingIdSource", summary.mailingIdSource().orElse(null));
        view.put("erasedAt", summary.erasedAt().map(Instant::toString).orElse(null));
        return view;
    }

    private static String note(AdminRequest request) {
        try {
            JsonNode body = request.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new AdminProblem(400, null, "the body must be a JSON object");
            }
            JsonNode note = body.get("note");
            if (note == null || !note.isTextual() || note.asText().isBlank()) {
                throw new AdminProblem(400, "note", "is required");
            }
            return note.asText();
        } catch (IOException e) {
            throw new AdminProblem(400, null, "the body is not valid JSON");
        }
    }

    private static TimeRange range(AdminRequest request) {
        var from = instant(request, "from");
        var to = instant(request, "to");
        try {
            return new TimeRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "to", "must be after from");
        }
    }

    private static Optional<Instant> instant(AdminRequest request, String name) {
        return Optional.ofNullable(request.query().get(name))
                .filter(v -> !v.isBlank())
                .map(value -> {
                    try {
                        return Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new AdminProblem(400, name, "must be an ISO-8601 instant, e.g. 2026-11-28T09:00:00Z");
                    }
                });
    }

    private static PageRequest pageRequest(AdminRequest request) {
        int limit = Page.DEFAULT_LIMIT;
        String given = request.query().get("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > Page.MAX_LIMIT) {
                throw new AdminProblem(400, "limit", "must be 1 to " + Page.MAX_LIMIT);
            }
        }
        return new PageRequest(
                Optional.ofNullable(request.query().get("cursor")).filter(c -> !c.isBlank()), limit);
    }

    private static MailingId mailingId(String value) {
        try {
            return new MailingId(value);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "mailingId", "is not a Mailing ID");
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
