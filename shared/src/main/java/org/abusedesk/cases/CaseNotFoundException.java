package org.abusedesk.cases;

import org.abusedesk.complaint.ComplaintKey;

/** No complaint is stored under the key, or its personal data expired. */
public final class CaseNotFoundException extends RuntimeException {

    private final ComplaintKey key;

    public CaseNotFoundException(ComplaintKey key) {
        super("no case " + key.mailingId() + "/" + key.complaintId());
        this.key = key;
    }

    public ComplaintKey key() {
        return key;
    }
}
