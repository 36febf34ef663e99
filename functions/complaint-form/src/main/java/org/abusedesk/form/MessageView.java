package org.abusedesk.form;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of a title and some text, with a link back to the form: the confirmation, and the answers to
 * requests the form cannot take.
 *
 * @param reference the case reference, shown large on a confirmation
 * @param otherLanguageUrl where the language switch leads
 */
public record MessageView(
        PageText text,
        String title,
        String lead,
        Optional<String> reference,
        String body,
        String linkText,
        String otherLanguageUrl) {

    public MessageView {
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(lead, "lead == null");
        Objects.requireNonNull(reference, "reference == null");
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(linkText, "linkText == null");
        Objects.requireNonNull(otherLanguageUrl, "otherLanguageUrl == null");
    }

    public String formUrl() {
        return "/?lang=" + text.code();
    }
}
