package org.abusedesk.complaint;

import java.util.Objects;

/** Where a complaint is stored; the only thing about a complaint that travels through queues and logs. */
public record ComplaintKey(MailingId mailingId, ComplaintId complaintId) {

    public ComplaintKey {
        Objects.requireNonNull(mailingId, "mailingId == null");
        Objects.requireNonNull(complaintId, "complaintId == null");
    }

    public static ComplaintKey of(String mailingId, String complaintId) {
        return new ComplaintKey(new MailingId(mailingId), new ComplaintId(complaintId));
    }
}
