package org.abusedesk.cases;

import org.abusedesk.complaint.ComplaintKey;

/** The case lacks what the export format requires, e.g. an X-ARF report without any known sender address. */
public final class CaseNotExportableException extends RuntimeException {

    public CaseNotExportableException(ComplaintKey key, String reason) {
        super("case " + key.mailingId() + "/" + key.complaintId() + " cannot be exported: " + reason);
    }
}
