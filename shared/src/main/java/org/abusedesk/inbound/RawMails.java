package org.abusedesk.inbound;

import java.time.Instant;
import java.util.Objects;

/** Where the receiving server keeps received mail, raw, by its receipt id (SES's message id). */
public interface RawMails {

    /**
     * A received mail, read up to a limit.
     *
     * @param storedAt when the receiving server stored it (the object's last modification): the same on every read,
     *     so complaint ids derived from it are too
     */
    record RawMail(byte[] bytes, boolean truncated, String location, Instant storedAt) {

        public RawMail {
            Objects.requireNonNull(bytes, "bytes == null");
            Objects.requireNonNull(location, "location == null");
            Objects.requireNonNull(storedAt, "storedAt == null");
        }
    }

    /**
     * Reads at most {@code maxBytes} of the mail.
     *
     * @throws MailNotFoundException when no mail is stored under the id
     */
    RawMail fetch(String receiptId, long maxBytes);

    /** No mail is stored under the id (yet, or any more). */
    final class MailNotFoundException extends RuntimeException {

        public MailNotFoundException(String receiptId) {
            super("no mail stored under receipt id " + receiptId);
        }
    }
}
