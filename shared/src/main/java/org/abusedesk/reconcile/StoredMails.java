package org.abusedesk.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The receiving server's store of raw mail, listed by when each mail was stored. */
public interface StoredMails {

    /** A stored mail: its receipt id (SES's message id) and when it was stored; nothing of its content. */
    record StoredMail(String receiptId, Instant storedAt) {

        public StoredMail {
            Objects.requireNonNull(receiptId, "receiptId == null");
            Objects.requireNonNull(storedAt, "storedAt == null");
        }
    }

    /** The mails stored at or after {@code from} and before {@code to}. */
    List<StoredMail> storedBetween(Instant from, Instant to);
}
