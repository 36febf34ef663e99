package org.abusedesk.complaint;

/** What a received message is; only {@link #COMPLAINT} is counted, notified as a complaint and acknowledged. */
public enum Classification {
    COMPLAINT,
    /** An ARF not-spam report: the recipient says the mail was wanted. */
    NOT_SPAM,
    /** An ARF auth-failure report or a DMARC forensic report. */
    AUTH_FAILURE,
    /** An ARF opt-out report or a mailed unsubscribe request. */
    UNSUBSCRIBE,
    /** A delivery status notification. */
    BOUNCE,
    /** An out-of-office or other automatic reply (RFC 3834). */
    AUTO_REPLY,
    /** A DMARC aggregate report (RFC 7489 7.2): statistics a mailbox provider sends, no complaint. */
    DMARC_AGGREGATE,
    /**
     * A question or message with no reported message, no Mailing ID and no link to our sending domains: shown to the
     * team, for the abuse address is often the support address too, but not a complaint.
     */
    ENQUIRY,
    OTHER
}
