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
    OTHER
}
