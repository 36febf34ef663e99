package org.abusedesk.statistics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The cases not yet closed: how many, and when the oldest of them came in. */
public record OpenCases(long count, Optional<Instant> oldestReceivedAt) {

    public OpenCases {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        Objects.requireNonNull(oldestReceivedAt, "oldestReceivedAt == null");
    }
}
