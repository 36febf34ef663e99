package org.abusedesk.intake;

import java.time.Instant;
import java.util.Optional;

/** Which complaint each idempotency key became, kept for a while (days, not months). */
public interface IdempotencyRecords {

    /** The record under this key, unless there is none or it expired before {@code now}. */
    Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now);

    /**
     * Stores the record unless one is stored under its key already.
     *
     * @return the record that holds afterwards: this one, or the one another request stored first
     */
    IdempotencyRecord putIfAbsent(IdempotencyRecord record);
}
