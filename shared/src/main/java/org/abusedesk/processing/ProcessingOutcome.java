package org.abusedesk.processing;

/** What processing one queued complaint did. */
public enum ProcessingOutcome {
    /** Counted, and the abuse team was mailed. */
    NOTIFIED,
    /** Counted; the abuse team hears of it in the mailing's next mail (storm control). */
    DEFERRED,
    /** An earlier delivery of the same message did the work already. */
    ALREADY_DONE,
    /** Not a complaint (a bounce, an auto-reply ...): stored, never counted or notified. */
    NOT_COUNTED,
    /** No complaint under that key: erased, expired, or never written. */
    NOT_FOUND
}
