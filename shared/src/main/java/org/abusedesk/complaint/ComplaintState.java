package org.abusedesk.complaint;

/** The steps a complaint goes through; each step is written only if the complaint is still at the one before. */
public enum ComplaintState {
    RECEIVED,
    COUNTED,
    NOTIFIED,
    /**
     * The abuse team asked the sending customer and waits for its answer until a due date; the customer's reply
     * moves the case back to {@link #NOTIFIED}.
     */
    WAITING_FOR_CUSTOMER,
    /** The abuse team dealt with the case: the sender was told, warned or stopped. */
    RESOLVED,
    /**
     * The abuse team closed the case without action, e.g. the recipient had opted in. A person's decision on a
     * complaint, apart from {@link #REJECTED}, which is the desk's own on form spam.
     */
    DISMISSED,
    /** Spam sent to the form, not a complaint. */
    REJECTED;

    /** Whether the abuse team still has something to do about a complaint in this state. */
    public boolean open() {
        return this == RECEIVED || this == COUNTED || this == NOTIFIED || this == WAITING_FOR_CUSTOMER;
    }
}
