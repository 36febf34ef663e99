package org.abusedesk.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.ImportProgress;
import org.abusedesk.registration.RegisterMailing;
import org.abusedesk.registration.RegistrationRequest;
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

    /** The routes, by their keys in the template. */
    Map<String, AdminRoute> routes() {
        return Map.of(
                "GET /admin/mailings/{mailingId}", AdminRoute.reading(this::show),
                "PUT /admin/mailings/{mailingId}", AdminRoute.writing(this::put),
                "POST /admin/mailings/import", AdminRoute.writing(this::importCsv));
    }

    /** {@code GET /admin/mailings/{mailingId}}. */
    MailingView show(AdminRequest request) {
        return showMailing
                .show(request.path("mailingId"))
                .map(MailingView::of)
                .orElseThrow(() -> new AdminProblem(404, "mailingId", "no such mailing"));
    }

    /** {@code PUT /admin/mailings/{mailingId}}: registers it as the body says; its counters are kept. */
    MailingView put(AdminRequest request) {
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

    /**
     * {@code POST /admin/mailings/import?lineOffset=}: a CSV file of registrations, each row stored or reported by its
     * line plus the offset, so that a client sending a larger file in parts learns the lines of that file.
     */
    ImportReportView importCsv(AdminRequest request) {
        if (!request.sentAs("text/csv")) {
            throw new AdminProblem(415, null, "send the file as text/csv, its first line the header");
        }
        long lineOffset = lineOffset(request.query().get("lineOffset"));
        byte[] csv = request.body().getBytes(StandardCharsets.UTF_8);
        if (csv.length > MAX_IMPORT_BYTES) {
            throw new AdminProblem(
                    413, null, "at most " + MAX_IMPORT_BYTES + " bytes per request; send larger files in parts");
        }
        return ImportReportView.of(
                importMailings.importCsv(new ByteArrayInputStream(csv), lineOffset, ImportProgress.NONE));
    }

    private static long lineOffset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long offset = Long.parseLong(value.strip());
            if (offset >= 0
                    && offset <= ImportMailings.MAX_LINE_OFFSET
                    && !value.strip().startsWith("+")) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // told below, as for a number out of range
        }
        throw new AdminProblem(400, "lineOffset", "must be a whole number from 0 to " + ImportMailings.MAX_LINE_OFFSET);
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
