package org.abusedesk.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.MailingIdCandidate;

/**
 * The Mailing ID and account a reported message was tied to, where they came from, and every candidate seen.
 *
 * @param conflict the sources named more than one Mailing ID, or more than one account
 */
public record Resolution(
        Optional<String> mailingId,
        Optional<String> accountId,
        Optional<String> source,
        List<MailingIdCandidate> candidates,
        boolean conflict) {

    public Resolution {
        Objects.requireNonNull(mailingId, "mailingId == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(source, "source == null");
        candidates = List.copyOf(candidates);
    }
}
