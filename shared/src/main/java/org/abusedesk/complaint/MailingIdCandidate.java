package org.abusedesk.complaint;

import java.util.Objects;
import java.util.Optional;

/**
 * One Mailing ID the evidence names, and where it was found.
 *
 * @param source where the value came from, e.g. {@code header:X-Mailing}, {@code header:Feedback-ID},
 *     {@code body:link}, {@code text}
 * @param dkimSigned whether a valid DKIM signature of one of our sending domains covers the header it came from
 */
public record MailingIdCandidate(String mailingId, Optional<String> accountId, String source, boolean dkimSigned) {

    public MailingIdCandidate {
        Objects.requireNonNull(mailingId, "mailingId == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(source, "source == null");
    }
}
