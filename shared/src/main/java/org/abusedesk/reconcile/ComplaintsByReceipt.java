package org.abusedesk.reconcile;

/** Finds the complaints a received mail gave, by the mail's receipt id. */
public interface ComplaintsByReceipt {

    /** Whether any complaint was stored from the mail with this receipt id. */
    boolean anyFor(String receiptId);
}
