package org.abusedesk.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.MailingIdCandidate;

/**
 * The Mailing ID and account a reported message was tied to, where they came from, and every candidate seen.
 *
 * @param accountSigned the account came from header instances a valid DKIM signature of ours covers, and no other
 *     account was named
 * @param conflict the sources named more than one Mailing ID, or more than one account, or a signed header has an
 *     unsigned copy
 * @param unsignedCopy a header that a signature of ours covers has more instances than the signature covers
 */
public record Resolution(
        Optional<String> mailingId,
        Optional<String> accountId,
        boolean accountSigned,
        Optional<String> source,
        List<MailingIdCandidate> candidates,
        boolean conflict,
        boolean unsignedCopy) {

    public Resolution {
        Objects.requireNonNull(mailingId, "mailingId == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(source, "source == null");
        candidates = List.copyOf(candidates);
    }
}
