package org.abusedesk.intake;

import java.time.Duration;
import java.util.Objects;

/** Whether a source may send one more complaint now. */
public sealed interface Admission {

    /** Yes; the complaint was counted. */
    record Admitted() implements Admission {}

    /** No: the source reached its limit, and may send again after {@code retryAfter}. */
    record Refused(Duration retryAfter) implements Admission {

        public Refused {
            Objects.requireNonNull(retryAfter, "retryAfter == null");
        }
    }
}
