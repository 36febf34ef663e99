package org.abusedesk.cases;

import java.util.Optional;

/** The raw mail complaints point at (e.g. {@code s3://bucket/inbound/<id>}), read and deleted by that location. */
public interface StoredEvidence {

    /** At most {@code maxBytes} of the mail; empty when nothing is stored there (any more). */
    Optional<byte[]> read(String location, long maxBytes);

    /** Deletes the mail; deleting one that is gone already does nothing. */
    void delete(String location);
}
