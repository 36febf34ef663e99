package org.abusedesk.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ReportFormat;

/**
 * One reported message found in an inbound mail, and everything it offers for finding its Mailing ID.
 *
 * @param headers the reported message's own header fields (none for an inline forward)
 * @param pastedHeaders header lines pasted into a body
 * @param forwardedHeaders the header block a mail client wrote above an inline forward (From, Date, Subject ...)
 * @param text the reported message's text, HTML turned to text
 * @param links the web links of its body, HTML links included
 * @param raw the reported message exactly as attached, for DKIM; empty when only its headers or text are known
 * @param feedbackType the Feedback-Type of an ARF report, lower-cased
 */
public record ReportedMessage(
        ReportFormat format,
        MailHeaders headers,
        MailHeaders pastedHeaders,
        MailHeaders forwardedHeaders,
        String text,
        List<String> links,
        Optional<byte[]> raw,
        Optional<String> feedbackType) {

    public ReportedMessage {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(headers, "headers == null");
        Objects.requireNonNull(pastedHeaders, "pastedHeaders == null");
        Objects.requireNonNull(forwardedHeaders, "forwardedHeaders == null");
        Objects.requireNonNull(text, "text == null");
        links = List.copyOf(links);
        Objects.requireNonNull(raw, "raw == null");
        Objects.requireNonNull(feedbackType, "feedbackType == null");
    }

    /** A report in which nothing of the reported message could be found (cut off, or absent): still a report. */
    static ReportedMessage nothingFound(ReportFormat format, Optional<String> feedbackType) {
        return new ReportedMessage(
                format,
                MailHeaders.NONE,
                MailHeaders.NONE,
                MailHeaders.NONE,
                "",
                List.of(),
                Optional.empty(),
                feedbackType);
    }

    @Override
    public String toString() {
        return "ReportedMessage[" + format + "]";
    }
}
