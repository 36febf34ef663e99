package org.abusedesk.intake;

import java.time.Instant;

/** Counts the complaints each source sent, against the {@link SourceLimit}. */
public interface SourceCounter {

    /** Counts one complaint from the source at {@code now}, unless the source has reached its limit. */
    Admission admit(SourceKey source, Instant now);
}
