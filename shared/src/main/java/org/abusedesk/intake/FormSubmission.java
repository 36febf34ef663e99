package org.abusedesk.intake;

import java.util.Objects;

/**
 * What the form page sent: the complaint's fields, the page's signed token, and the hidden honeypot field, which
 * a person never sees and so leaves empty.
 */
public record FormSubmission(ComplaintSubmission fields, String token, String honeypot, SourceKey source) {

    public FormSubmission {
        Objects.requireNonNull(fields, "fields == null");
        Objects.requireNonNull(source, "source == null");
    }

    @Override
    public String toString() {
        return "FormSubmission[" + fields + "]";
    }
}
