package org.abusedesk.processing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.StatusChange;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.mailing.Mailing;

/**
 * One mail to the abuse team about one mailing: the complaints it reports, the mailing's count and rate, and the
 * account's status, with the escalation that triggered the mail if there was one.
 *
 * <p>It carries no link to the evidence: a mail is read and forwarded far beyond the team, so a link that opens the
 * raw mail would hand it to anyone the mail reaches. The mail names each case and how to open it instead.
 *
 * @param account the registry's account for the mailing, or the one a verified signature names, else empty
 */
public record Notification(
        MailingId mailingId,
        Optional<Mailing> mailing,
        Optional<AccountId> account,
        AccountStatus status,
        Optional<StatusChange> escalation,
        List<Complaint> complaints,
        long mailingComplaints,
        Optional<BigDecimal> mailingRatePercent) {

    public Notification {
        Objects.requireNonNull(mailingId, "mailingId == null");
        Objects.requireNonNull(mailing, "mailing == null");
        Objects.requireNonNull(account, "account == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(escalation, "escalation == null");
        complaints = List.copyOf(complaints);
        if (complaints.isEmpty()) {
            throw new IllegalArgumentException("a notification reports at least one complaint");
        }
        Objects.requireNonNull(mailingRatePercent, "mailingRatePercent == null");
    }
}
