package org.abusedesk.mailing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;

/**
 * A campaign in the mailing registry: whose it is and how many it went to, with the complaints counted on it.
 *
 * @param recipients empty when the sending platform gave no recipient count
 */
public record Mailing(
        MailingId id,
        AccountId accountId,
        OptionalLong recipients,
        Instant sentAt,
        Optional<String> subject,
        Optional<String> sender,
        long complaints,
        long verifiedComplaints) {

    public Mailing {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(recipients, "recipients == null");
        Objects.requireNonNull(sentAt, "sentAt == null");
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(sender, "sender == null");
        if (recipients.isPresent() && recipients.getAsLong() < 0) {
            throw new IllegalArgumentException("recipients < 0");
        }
    }

    /** A registration as the sending platform makes it, before any complaint. */
    public static Mailing registered(
            MailingId id,
            AccountId accountId,
            OptionalLong recipients,
            Instant sentAt,
            Optional<String> subject,
            Optional<String> sender) {
        return new Mailing(id, accountId, recipients, sentAt, subject, sender, 0, 0);
    }
}
