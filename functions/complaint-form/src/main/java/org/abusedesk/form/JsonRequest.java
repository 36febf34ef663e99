package org.abusedesk.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.abusedesk.complaint.Language;
import org.abusedesk.intake.ComplaintSubmission;

/** Reads a {@code POST /complaints} JSON body into a submission, or names what makes it unreadable. */
record JsonRequest(ComplaintSubmission submission) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("mailingId", "email", "message", "salutation", "name");

    /** A body refused before its fields are validated: no JSON object, or fields that are no strings. */
    static final class Rejected extends RuntimeException {

        private final List<ApiError> errors;

        Rejected(List<ApiError> errors) {
            super("unreadable JSON body", null, false, false);
            this.errors = List.copyOf(errors);
        }

        List<ApiError> errors() {
            return errors;
        }
    }

    /** The body's fields, for a complaint answered in {@code language}. */
    static JsonRequest read(byte[] body, Language language) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new Rejected(List.of(RequestProblem.NOT_A_JSON_OBJECT.error(language)));
        }
        if (root == null || !root.isObject()) {
            throw new Rejected(List.of(RequestProblem.NOT_A_JSON_OBJECT.error(language)));
        }
        var errors = new ArrayList<ApiError>();
        for (String field : FIELDS) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                errors.add(RequestProblem.NOT_A_STRING.error(field, language));
            }
        }
        JsonNode consent = root.get("consentToShare");
        if (consent != null && !consent.isNull() && !consent.isBoolean()) {
            errors.add(RequestProblem.NOT_A_BOOLEAN.error("consentToShare", language));
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        return new JsonRequest(new ComplaintSubmission(
                text(root, "mailingId"),
                text(root, "email"),
                text(root, "message"),
                text(root, "salutation"),
                text(root, "name"),
                language,
                consent != null && consent.asBoolean(false)));
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : wellFormed(value.asText());
    }

    /**
     * The text with each unpaired surrogate (a JSON escape such as {@code \ud800}, which no UTF-8 store or mail can
     * carry) replaced by U+FFFD, as invalid UTF-8 in a form body is.
     */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!paired && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(paired ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
