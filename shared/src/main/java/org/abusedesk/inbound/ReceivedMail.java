package org.abusedesk.inbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ReceiptVerdicts;

/**
 * The receiving server's notice of a mail: its receipt id (SES message id), when it arrived, the envelope sender
 * and the server's verdicts. The mail itself is fetched by the id.
 */
public record ReceivedMail(
        String receiptId, Instant receivedAt, Optional<String> envelopeSender, ReceiptVerdicts verdicts) {

    public ReceivedMail {
        Objects.requireNonNull(receiptId, "receiptId == null");
        if (receiptId.isBlank()) {
            throw new IllegalArgumentException("receiptId is blank");
        }
        Objects.requireNonNull(receivedAt, "receivedAt == null");
        Objects.requireNonNull(envelopeSender, "envelopeSender == null");
        Objects.requireNonNull(verdicts, "verdicts == null");
    }

    @Override
    public String toString() {
        return "ReceivedMail[" + receiptId + "]";
    }
}
