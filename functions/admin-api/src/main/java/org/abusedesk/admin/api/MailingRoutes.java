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
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.mailing.Mailing;
import org.abusedesk.mailing.Mailings;

/** {@code /admin/mailings/{mailingId}}: one registration of the mailing registry, read or put. */
final class MailingRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mailings mailings;

    MailingRoutes(Mailings mailings) {
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
    }

    Map<String, Object> show(AdminRequest request) {
        var id = mailingId(request.path("mailingId"));
        return mailings.find(id)
                .map(MailingRoutes::view)
                .orElseThrow(() -> new AdminProblem(404, "mailingId", "no such mailing"));
    }

    /** Registers the mailing as the body describes it; counters of an existing registration are kept. */
    Map<String, Object> put(AdminRequest request) {
        var id = mailingId(request.path("mailingId"));
        JsonNode body = body(request);
        var mailing = Mailing.registered(
                id,
                accountId(text(body, "accountId").orElseThrow(() -> new AdminProblem(400, "accountId", "is required"))),
                recipients(body.get("recipients")),
                sentAt(text(body, "sentAt").orElseThrow(() -> new AdminProblem(400, "sentAt", "is required"))),
                text(body, "subject"),
                text(body, "sender"));
        mailings.register(mailing);
        return mailings.find(id).map(MailingRoutes::view).orElseGet(() -> view(mailing));
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
        view.put("complaints", mailing.complaints());
        view.put("verifiedComplaints", mailing.verifiedComplaints());
        return view;
    }

    private static JsonNode body(AdminRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new AdminProblem(400, null, "the body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new AdminProblem(400, null, "the body is not valid JSON");
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new AdminProblem(400, field, "must be a string");
        }
        return Optional.of(value.asText()).filter(text -> !text.isBlank());
    }

    private static MailingId mailingId(String value) {
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

    private static OptionalLong recipients(JsonNode value) {
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new AdminProblem(400, "recipients", "must be a whole number of at least 0");
        }
        return OptionalLong.of(value.asLong());
    }

    private static Instant sentAt(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new AdminProblem(400, "sentAt", "must be an ISO-8601 instant, e.g. 2026-11-28T09:00:00Z");
        }
    }
}
