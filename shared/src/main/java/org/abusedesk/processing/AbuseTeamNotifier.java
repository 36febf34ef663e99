package org.abusedesk.processing;

import org.abusedesk.complaint.Complaint;

/** Tells the abuse team about a complaint. */
public interface AbuseTeamNotifier {

    /** Sends the notification; throws when it could not be handed over, so that the complaint is retried. */
    void notify(Complaint complaint);
}
