package org.abusedesk.processing;

import java.time.Instant;
import java.util.List;
import org.abusedesk.account.StatusChange;
import org.abusedesk.complaint.Complaint;

/** What the sending customer is told of a counted complaint, after the abuse team's mail. */
public interface CustomerNotices {

    /**
     * @param escalations the account's escalations this complaint caused
     * @param teamNotified whether the abuse team's mail went out, so that the case is NOTIFIED now
     */
    void counted(Complaint complaint, List<StatusChange> escalations, boolean teamNotified, Instant now);
}
