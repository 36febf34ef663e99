package org.abusedesk.intake;

import org.abusedesk.complaint.Language;

/**
 * What a complainant sent through the form or the JSON API, exactly as sent (any text field may be null), and the
 * language the desk answers in.
 */
public record ComplaintSubmission(
        String mailingId,
        String email,
        String message,
        String salutation,
        String name,
        Language language,
        boolean consentToShare) {

    /** A submission whose complainant did not agree that the sender may be told their address. */
    public ComplaintSubmission(
            String mailingId, String email, String message, String salutation, String name, Language language) {
        this(mailingId, email, message, salutation, name, language, false);
    }

    /** A submission answered in German, the desk's first language. */
    public ComplaintSubmission(String mailingId, String email, String message, String salutation, String name) {
        this(mailingId, email, message, salutation, name, Language.DE);
    }

    @Override
    public String toString() {
        return "ComplaintSubmission[mailingId=" + mailingId + "]";
    }
}
