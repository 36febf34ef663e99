package org.abusedesk.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ReceiptVerdicts;

/**
 * The receiving server's notice of a mail: its receipt id (SES message id), when it arrived, the envelope sender
 * the server's verdicts and the envelope recipients its rule matched. The mail itself is fetched by the id.
 */
public record ReceivedMail(
        String receiptId,
        Instant receivedAt,
        Optional<String> envelopeSender,
        ReceiptVerdicts verdicts,
        List<String> recipients) {

    /** A notice that names no envelope recipients: a stored mail taken in without its event. */
    public ReceivedMail(
            String receiptId, Instant receivedAt, Optional<String> envelopeSender, ReceiptVerdicts verdicts) {
        this(receiptId, receivedAt, envelopeSender, verdicts, List.of());
    }

    public ReceivedMail {
        Objects.requireNonNull(receiptId, "receiptId == null");
        if (receiptId.isBlank()) {
            throw new IllegalArgumentException("receiptId is blank");
        }
        Objects.requireNonNull(receivedAt, "receivedAt == null");
        Objects.requireNonNull(envelopeSender, "envelopeSender == null");
        Objects.requireNonNull(verdicts, "verdicts == null");
        // SES names at most 50 per mail; more is no notice of ours.
        recipients = List.copyOf(recipients.size() > 50 ? recipients.subList(0, 50) : recipients);
    }

    @Override
    public String toString() {
        return "ReceivedMail[" + receiptId + "]";
    }
}
