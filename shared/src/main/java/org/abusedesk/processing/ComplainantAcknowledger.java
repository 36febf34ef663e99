package org.abusedesk.processing;

import org.abusedesk.complaint.Complaint;

/** Sends a complainant the acknowledgement of their complaint, with its case reference, in their language. */
public interface ComplainantAcknowledger {

    void acknowledge(Complaint complaint);
}
