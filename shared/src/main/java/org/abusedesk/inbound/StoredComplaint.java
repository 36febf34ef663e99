package org.abusedesk.inbound;

import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ReportFormat;

/**
 * One complaint an inbound mail gave, as it may be logged: key, classification, format, source; nothing personal.
 *
 * @param duplicate an earlier delivery of the same mail stored it already
 */
public record StoredComplaint(
        ComplaintKey key,
        Classification classification,
        ReportFormat format,
        String mailingIdSource,
        boolean duplicate) {}
