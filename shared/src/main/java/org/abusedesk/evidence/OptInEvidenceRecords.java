package org.abusedesk.evidence;

import org.abusedesk.complaint.ComplaintKey;

/** Where a case keeps the evidence fetched for it: on the complaint, under its retention and its erasure. */
public interface OptInEvidenceRecords {

    /**
     * Keeps the evidence on the complaint. A settled answer replaces any earlier one; an unsettled one does not
     * replace a settled one.
     *
     * @return false when nothing was written: the complaint is gone or erased, or already holds a settled answer
     */
    boolean record(ComplaintKey key, OptInEvidence evidence);
}
