package org.abusedesk.intake;

import java.time.Instant;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;

/**
 * The complaint a submission with this idempotency key became.
 *
 * @param fingerprint a hash of the submission's content: a retry must carry the same content
 * @param receivedAt when the complaint was received, so that a retry completing the write keeps it
 * @param expiresAt when the record may be forgotten
 */
public record IdempotencyRecord(
        IdempotencyKey key, String fingerprint, ComplaintKey complaint, Instant receivedAt, Instant expiresAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(fingerprint, "fingerprint == null");
        Objects.requireNonNull(complaint, "complaint == null");
        Objects.requireNonNull(receivedAt, "receivedAt == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
    }
}
