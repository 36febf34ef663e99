package org.abusedesk.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;

/** Lists complaints by the step they are at, oldest first. */
public interface ComplaintsByState {

    /** A complaint at a step: its key and classification, nothing personal. */
    record Entry(ComplaintKey key, Classification classification) {

        public Entry {
            Objects.requireNonNull(key, "key == null");
            Objects.requireNonNull(classification, "classification == null");
        }
    }

    /** The complaints in this state whose id (a ULID, so their arrival) lies before {@code before}. */
    List<Entry> inStateBefore(ComplaintState state, Instant before);
}
