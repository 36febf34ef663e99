package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.ImportProgress;
import org.abusedesk.registration.ImportReport;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.RegisterMailing;
import org.abusedesk.registration.RegistrationRequest;
import org.abusedesk.registration.RejectedRow;
import org.abusedesk.registration.ShowMailing;

/** {@code /admin/mailings/...}: the mailing registry, one registration at a time or a CSV file of them. */
final class MailingRoutes {

    /**
     * The largest import one request takes: about 10,000 rows, which DynamoDB stores well within the API's 30 s.
     * Larger files go in several requests, as the command line sends them.
     */
    static final int MAX_IMPORT_BYTES = 1024 * 1024;

    private final ShowMailing showMailing;
    private final RegisterMailing registerMailing;
    private final ImportMailings importMailings;

    MailingRoutes(ShowMailing showMailing, RegisterMailing registerMailing, ImportMailings importMailings) {
        this.showMailing = Objects.requireNonNull(showMailing, "showMailing == null");
        this.registerMailing = Objects.requireNonNull(registerMailing, "registerMailing == null");
        this.importMailings = Objects.requireNonNull(importMailings, "importMailings == null");
    }

    /** {@code GET /admin/mailings/{mailingId}}. */
    Map<String, Object> show(AdminRequest request) {
        return showMailing
                .show(request.path("mailingId"))
                .map(MailingRoutes::view)
                .orElseThrow(() -> new AdminProblem(404, "mailingId", "no such mailing"));
    }

    /** {@code PUT /admin/mailings/{mailingId}}: registers it as the body says; its counters are kept. */
    Map<String, Object> put(AdminRequest request) {
        JsonNode body = request.json();
        registerMailing.register(new RegistrationRequest(
                request.path("mailingId"),
                AdminRequest.text(body, "accountId"),
                recipients(body.get("recipients")),
                AdminRequest.text(body, "sentAt"),
                AdminRequest.text(body, "subject"),
                AdminRequest.text(body, "sender"),
                AdminRequest.text(body, "optInEvidence")));
        return show(request);
    }

    /** {@code POST /admin/mailings/import}: a CSV file of registrations, each row stored or reported. */
    Map<String, Object> importCsv(AdminRequest request) {
        if (!request.sentAs("text/csv")) {
            throw new AdminProblem(415, null, "send the file as text/csv, its first line the header");
        }
        byte[] csv = request.body().getBytes(StandardCharsets.UTF_8);
        if (csv.length > MAX_IMPORT_BYTES) {
            throw new AdminProblem(
                    413, null, "at most " + MAX_IMPORT_BYTES + " bytes per request; send larger files in parts");
        }
        return view(importMailings.importCsv(new ByteArrayInputStream(csv), ImportProgress.NONE));
    }

    static Map<String, Object> view(Mailing mailing) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mailingId", mailing.id().value());
        view.put("accountId", mailing.accountId().value());
        view.put(
                "recipients",
                mailing.recipients().isPresent() ? mailing.recipients().getAsLong() : null);
        view.put("sentAt", mailing.sentAt().toString());
        view.put("subject", mailing.subject().orElse(null));
        view.put("sender", mailing.sender().orElse(null));
        view.put("optInEvidence", mailing.optInEvidence().orElse(null));
        view.put("complaints", mailing.complaints());
        view.put("verifiedComplaints", mailing.verifiedComplaints());
        return view;
    }

    private static Map<String, Object> view(ImportReport report) {
        var view = new LinkedHashMap<String, Object>();
        view.put("rows", report.rows());
        view.put("written", report.written());
        view.put("unchanged", report.unchanged());
        view.put("rejected", report.rejected());
        view.put(
                "rejectedRows",
                report.rejectedRows().stream().map(MailingRoutes::view).toList());
        view.put("complete", report.complete());
        return view;
    }

    private static Map<String, Object> view(RejectedRow row) {
        var view = new LinkedHashMap<String, Object>();
        view.put("row", row.row());
        view.put("mailingId", row.mailingId().orElse(null));
        view.put("reason", row.reason());
        return view;
    }

    /** A number as JSON sends it, or the text of one; the registration's own check says what is wrong with it. */
    private static String recipients(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() && !value.isTextual()) {
            throw new AdminProblem(400, "recipients", "must be a whole number of at least 0");
        }
        return value.asText();
    }
}
