package org.abusedesk.complaint;

/** The shape in which a mailed complaint carried the reported message. */
public enum ReportFormat {
    /** A feedback-loop report (RFC 5965 / 6650, also RFC 9477 CFBL), or a provider's report without a report part. */
    ARF,
    /** An X-ARF v4 JSON report. */
    XARF,
    /** The reported message attached (message/rfc822, .eml, .msg), also inside a forward of a forward. */
    ATTACHED_MESSAGE,
    /** The reported message forwarded inline, in the text or HTML body. */
    INLINE_FORWARD,
    /** Only what the complainant typed, or header lines pasted into the body. */
    TEXT;

    /** A provider's report (ARF or X-ARF), not a person's forward: verified by its reporter, never acknowledged. */
    public boolean isProviderReport() {
        return this == ARF || this == XARF;
    }
}
