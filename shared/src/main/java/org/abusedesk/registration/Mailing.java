package org.abusedesk.registration;

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
 * @param optInEvidence how the mailing's recipients opted in, as the sending platform describes it (e.g. double
 *     opt-in with confirmation records at ...): what a CSA evidence bundle answers a complaint with
 */
public record Mailing(
        MailingId id,
        AccountId accountId,
        OptionalLong recipients,
        Instant sentAt,
        Optional<String> subject,
        Optional<String> sender,
        Optional<String> optInEvidence,
        long complaints,
        long verifiedComplaints) {

    public Mailing {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(recipients, "recipients == null");
        Objects.requireNonNull(sentAt, "sentAt == null");
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(sender, "sender == null");
        Objects.requireNonNull(optInEvidence, "optInEvidence == null");
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
        return registered(id, accountId, recipients, sentAt, subject, sender, Optional.empty());
    }

    /** A registration with the evidence of how its recipients opted in. */
    public static Mailing registered(
            MailingId id,
            AccountId accountId,
            OptionalLong recipients,
            Instant sentAt,
            Optional<String> subject,
            Optional<String> sender,
            Optional<String> optInEvidence) {
        return new Mailing(id, accountId, recipients, sentAt, subject, sender, optInEvidence, 0, 0);
    }

    /** The registration alone, without the counters: what the sending platform registered. */
    public Mailing registration() {
        return registered(id, accountId, recipients, sentAt, subject, sender, optInEvidence);
    }
}
