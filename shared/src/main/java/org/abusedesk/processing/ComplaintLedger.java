package org.abusedesk.processing;

import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Complaint;

/** Counts a complaint exactly once: its step, the mailing's and the account's counters and the suppression together. */
public interface ComplaintLedger {

    /**
     * In one transaction: moves the complaint from RECEIVED to COUNTED, adds it to its mailing's counters and, when
     * the account is known, to the account's counters and suppresses the complainant for that account.
     *
     * @return false when the complaint was no longer RECEIVED: it was counted before, and nothing was written
     */
    boolean count(Complaint complaint, Optional<AccountId> account);
}
