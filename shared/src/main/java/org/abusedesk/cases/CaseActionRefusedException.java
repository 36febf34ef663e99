package org.abusedesk.cases;

import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;

/** A person's action on a case that its facts do not allow: no contact to write to, an outcome told before. */
public final class CaseActionRefusedException extends RuntimeException {

    private final ComplaintKey key;

    public CaseActionRefusedException(ComplaintKey key, String reason) {
        super("case " + key.mailingId() + "/" + key.complaintId() + ": " + reason);
        this.key = Objects.requireNonNull(key, "key == null");
    }

    public ComplaintKey key() {
        return key;
    }
}
