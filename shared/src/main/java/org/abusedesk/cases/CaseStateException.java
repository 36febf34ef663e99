package org.abusedesk.cases;

import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;

/** The case is not in a state that allows what was asked, e.g. resolving one the abuse team was not told of yet. */
public final class CaseStateException extends RuntimeException {

    private final ComplaintKey key;
    private final ComplaintState state;

    public CaseStateException(ComplaintKey key, ComplaintState state, String rule) {
        super("case " + key.mailingId() + "/" + key.complaintId() + " is " + state + ": " + rule);
        this.key = key;
        this.state = state;
    }

    public ComplaintKey key() {
        return key;
    }

    /** The state the case is in. */
    public ComplaintState state() {
        return state;
    }
}
