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
import org.abusedesk.registration.Mailing;

/**
 * One mail to the abuse team about one mailing: the complaints it reports, the mailing's count and rate, and the
 * account's status, with the escalation that triggered the mail if there was one.
 *
 * <p>It carries no link to the evidence: a mail is read and forwarded far beyond the team, so a link that opens the
 * raw mail would hand it to anyone the mail reaches. The mail names each case and how to open it instead.
 *
 * @param account the registry's account for the mailing, or the one a verified signature names, else empty
 * @param paging which page of its summary this mail is: a summary lists at most {@link Paging#SIZE} complaints a mail
 */
public record Notification(
        MailingId mailingId,
        Optional<Mailing> mailing,
        Optional<AccountId> account,
        AccountStatus status,
        Optional<StatusChange> escalation,
        List<Complaint> complaints,
        long mailingComplaints,
        Optional<BigDecimal> mailingRatePercent,
        Paging paging) {

    /**
     * Page {@code page} of {@code pages} mails sent together; {@code waiting} complaints of the mailing still wait
     * after them, for its next summary.
     */
    public record Paging(int page, int pages, long waiting) {

        /** Complaints one mail lists at most: far below SES's size limit even with every message at its longest. */
        public static final int SIZE = 100;

        /** The only page, with nothing left waiting. */
        public static final Paging ONLY = new Paging(1, 1, 0);

        public Paging {
            if (page < 1 || page > pages || waiting < 0) {
                throw new IllegalArgumentException("page " + page + " of " + pages + ", " + waiting + " waiting");
            }
        }
    }

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
        Objects.requireNonNull(paging, "paging == null");
        if (complaints.size() > Paging.SIZE) {
            throw new IllegalArgumentException("a notification lists at most " + Paging.SIZE + " complaints");
        }
    }
}
