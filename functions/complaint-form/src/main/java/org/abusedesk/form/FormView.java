package org.abusedesk.form;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the form page shows: the words of its language, what the person typed, the errors next to their fields,
 * and a notice above the form when it came back for another reason.
 *
 * @param token the signed token the page carries back
 * @param values what the person typed, by field name; empty for a new form
 * @param errors the fields' errors, in the order of the fields on the page
 * @param notice a title and a text above the form, when it came back without field errors
 */
public record FormView(
        PageText text,
        String token,
        Map<String, String> values,
        List<FieldError> errors,
        Optional<Notice> notice,
        String abuseAddress,
        int retentionDays) {

    /** One field's error: the field's name (also its element id) and the message. */
    public record FieldError(String field, String message) {}

    /** A notice above the form; the title may be empty. */
    public record Notice(String title, String text) {}

    public FormView {
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(token, "token == null");
        values = Map.copyOf(values);
        errors = List.copyOf(errors);
        Objects.requireNonNull(notice, "notice == null");
        Objects.requireNonNull(abuseAddress, "abuseAddress == null");
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean invalid(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public String error(String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(FieldError::message)
                .findFirst()
                .orElse("");
    }

    /** The ids that describe the field: its hint, if it has one, and its error, if it has one; null for none. */
    public String describedBy(String field, boolean hint) {
        var ids = new StringBuilder();
        if (hint) {
            ids.append(field).append("-hint");
        }
        if (invalid(field)) {
            ids.append(ids.isEmpty() ? "" : " ").append(field).append("-error");
        }
        // null leaves the attribute out of the page.
        return ids.isEmpty() ? null : ids.toString();
    }

    /** Whether this salutation is the chosen one; none chosen means "none". */
    public boolean salutation(String value) {
        String chosen = value("salutation").strip();
        return chosen.isEmpty() ? value.equals("NONE") : chosen.equalsIgnoreCase(value);
    }

    public String title() {
        return (errors.isEmpty() ? "" : text.get("errors.page.title") + ": ") + text.get("form.title");
    }
}
