package org.abusedesk.conversation;

import org.abusedesk.complaint.ComplaintKey;

/** Tells the abuse team, by way of the processor, that the sending customer answered a case. */
public interface ReplyAlerts {

    /** The reply is in the case's thread under {@code entryId}. */
    void arrived(ComplaintKey key, String entryId);
}
