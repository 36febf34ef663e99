package org.abusedesk.intake;

import java.util.Objects;
import java.util.Optional;

/**
 * Who submitted, as far as the intake needs to know: the source it counts, and the key of retries, if any, scoped to
 * that source.
 */
public record Submitter(SourceKey source, Optional<IdempotencyKey> idempotencyKey) {

    public Submitter {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
        idempotencyKey = idempotencyKey.map(key -> key.scopedTo(source));
    }
}
