package org.abusedesk.complaint;

/** The steps a complaint goes through; each step is written only if the complaint is still at the one before. */
public enum ComplaintState {
    RECEIVED,
    COUNTED,
    NOTIFIED,
    RESOLVED,
    /** Spam sent to the form, not a complaint. */
    REJECTED
}
