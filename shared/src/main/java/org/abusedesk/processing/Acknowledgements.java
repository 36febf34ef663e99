package org.abusedesk.processing;

import java.time.Instant;
import org.abusedesk.complaint.Complaint;

/**
 * Keeps acknowledgements to at most one per case, a few per address a day and a budget for all of them a day.
 *
 * <p>Addresses are counted in their {@link AcknowledgementAddress} form, so that tags and case do not multiply one
 * inbox's share.
 */
public interface Acknowledgements {

    /** What recording an acknowledgement came to; only {@link #RECORDED} may be sent. */
    enum Outcome {
        /** Recorded now: send it. */
        RECORDED,
        /** The case was acknowledged before. */
        ALREADY_ACKNOWLEDGED,
        /** The address had its share for the UTC day. */
        ADDRESS_LIMIT,
        /** The desk's acknowledgements for the UTC day are used up. */
        BUDGET
    }

    /** Records that the complaint is being acknowledged now, or says why it must not be. */
    Outcome record(Complaint complaint, Instant now);
}
