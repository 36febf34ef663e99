package org.abusedesk.complaint;

import java.time.Instant;
import java.util.Objects;

/** One complaint about one mailing, as stored in the complaints table. */
public record Complaint(
        ComplaintKey key,
        Channel channel,
        Classification classification,
        ComplaintState state,
        Instant receivedAt,
        Complainant complainant,
        String message,
        Attribution attribution,
        Instant expiresAt) {

    public Complaint {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(classification, "classification == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(receivedAt, "receivedAt == null");
        Objects.requireNonNull(complainant, "complainant == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(attribution, "attribution == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
    }

    public MailingId mailingId() {
        return key.mailingId();
    }

    public ComplaintId id() {
        return key.complaintId();
    }

    /**
     * Whether the complaint may still be read at {@code now}: its retention has not run out. DynamoDB deletes an
     * expired item only within days, so every read asks this rather than trusting the item to be gone.
     */
    public boolean readableAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public Complaint withState(ComplaintState next) {
        return new Complaint(
                key, channel, classification, next, receivedAt, complainant, message, attribution, expiresAt);
    }

    @Override
    public String toString() {
        return "Complaint[" + key + ", " + channel + ", " + classification + ", " + state + "]";
    }
}
