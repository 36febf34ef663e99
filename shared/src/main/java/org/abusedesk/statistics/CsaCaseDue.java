package org.abusedesk.statistics;

import java.time.Instant;
import java.util.Objects;
import org.abusedesk.cases.AnswerDeadline;
import org.abusedesk.complaint.ComplaintKey;

/** An open case that the Certified Senders Alliance forwarded, and by when it must be answered. */
public record CsaCaseDue(ComplaintKey key, Instant receivedAt, AnswerDeadline deadline) {

    public CsaCaseDue {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(receivedAt, "receivedAt == null");
        Objects.requireNonNull(deadline, "deadline == null");
    }
}
