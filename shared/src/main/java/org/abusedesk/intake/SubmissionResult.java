package org.abusedesk.intake;

import java.time.Duration;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;

/** What became of a valid submission. */
public sealed interface SubmissionResult {

    /**
     * The complaint is stored under {@code key}, whose complaint id is the case reference.
     *
     * @param replayed whether an earlier submission with the same idempotency key stored it
     */
    record Accepted(ComplaintKey key, boolean replayed) implements SubmissionResult {

        public Accepted {
            Objects.requireNonNull(key, "key == null");
        }
    }

    /** The source sent too many complaints recently; nothing was stored. */
    record Limited(Duration retryAfter) implements SubmissionResult {

        public Limited {
            Objects.requireNonNull(retryAfter, "retryAfter == null");
        }
    }
}
