package org.abusedesk.processing;

/** What processing one queued complaint did. */
public enum ProcessingOutcome {
    /** The abuse team was notified. */
    NOTIFIED,
    /** An earlier delivery of the same message did the work already. */
    ALREADY_DONE,
    /** No complaint under that key: erased, expired, or never written. */
    NOT_FOUND
}
