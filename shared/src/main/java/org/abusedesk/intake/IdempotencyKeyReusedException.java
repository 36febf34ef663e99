package org.abusedesk.intake;

import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;

/** An idempotency key came back with other content than the complaint it became; nothing was stored. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    private final ComplaintKey original;

    public IdempotencyKeyReusedException(ComplaintKey original) {
        super("idempotency key used before for complaint " + original.complaintId(), null, false, false);
        this.original = Objects.requireNonNull(original, "original == null");
    }

    /** The complaint the key became the first time. */
    public ComplaintKey original() {
        return original;
    }
}
