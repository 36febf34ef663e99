package org.abusedesk.inbound;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a mail that could not be taken in is recorded for a person and for its retry: which mail and when, never
 * anything of its content or its envelope. The mail itself stays in the bucket, under its retention and erasure.
 */
public interface FailedMails {

    void record(FailedMail mail);

    /**
     * One failed try at a mail.
     *
     * @param receiptId SES's message id, which names the stored mail
     * @param failedAt when the try failed
     * @param error the failure's class, never its message, which may quote the mail
     */
    record FailedMail(String receiptId, Instant failedAt, String error) {

        public FailedMail {
            Objects.requireNonNull(receiptId, "receiptId == null");
            Objects.requireNonNull(failedAt, "failedAt == null");
            Objects.requireNonNull(error, "error == null");
        }
    }
}
