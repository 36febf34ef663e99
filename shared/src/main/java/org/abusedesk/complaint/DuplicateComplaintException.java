package org.abusedesk.complaint;

/** A complaint with this key is stored already. */
public final class DuplicateComplaintException extends RuntimeException {

    public DuplicateComplaintException(ComplaintKey key) {
        super("complaint exists already: " + key.mailingId() + "/" + key.complaintId());
    }
}
