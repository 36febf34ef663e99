package org.abusedesk.processing;

import java.time.Instant;
import org.abusedesk.complaint.Complaint;

/** Keeps acknowledgements to at most one per case and a few per address a day. */
public interface Acknowledgements {

    /**
     * Records that the complaint is being acknowledged now.
     *
     * @return false when it was acknowledged before or its address had its share for the day; send nothing then
     */
    boolean record(Complaint complaint, Instant now);
}
