package org.abusedesk.intake;

/** What a complainant sent through the form or the JSON API, exactly as sent; any field may be null. */
public record ComplaintSubmission(String mailingId, String email, String message, String salutation, String name) {

    @Override
    public String toString() {
        return "ComplaintSubmission[mailingId=" + mailingId + "]";
    }
}
